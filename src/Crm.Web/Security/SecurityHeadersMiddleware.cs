namespace Crm.Web.Security;

/// <summary>
/// Security headers on every response, written when the response starts: an error page rewritten by the exception
/// handler (which clears headers) still gets them. What each protects:
/// <list type="bullet">
/// <item>X-Content-Type-Options nosniff: a file is never run as a type it was not served as.</item>
/// <item>Referrer-Policy same-origin: conversation URLs never leak to sites linked from a message.</item>
/// <item>X-Frame-Options DENY + CSP frame-ancestors: no clickjacking of the console.</item>
/// <item>Permissions-Policy: the console needs no camera, microphone, location, payment or USB; a script injected
/// some day could not ask for them either. Only features Chromium knows, so the console log stays clean.</item>
/// <item>Cross-Origin-Resource-Policy: same-origin everywhere (no other site may embed console responses), except the
/// widget script and the widget API, which customer sites load: cross-origin.</item>
/// <item>Cross-Origin-Opener-Policy same-origin on pages: a window this app opens or is opened by cannot script it.</item>
/// </list>
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";

        if (IsWidgetAsset(request.Path) || request.Path.StartsWithSegments("/api/widget", StringComparison.OrdinalIgnoreCase))
        {
            // Loaded by other sites: a <script> tag (or a module import) and the widget's own fetches. The API's CORS
            // headers come from the "widget" CORS policy; the script is static and cookie-free, so any origin may read it.
            headers["Cross-Origin-Resource-Policy"] = "cross-origin";
            if (IsWidgetAsset(request.Path)) headers.AccessControlAllowOrigin = "*";
            return;
        }

        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = PermissionsPolicy;
        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy.Api;
            return;
        }
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = request.Path.StartsWithSegments("/demo", StringComparison.OrdinalIgnoreCase)
            ? ContentSecurityPolicy.Demo(request)
            : ContentSecurityPolicy.Console(request);
    }

    private static bool IsWidgetAsset(PathString path) => path.StartsWithSegments("/widget", StringComparison.OrdinalIgnoreCase);
}
