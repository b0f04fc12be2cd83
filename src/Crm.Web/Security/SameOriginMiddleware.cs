using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Crm.Web.Security;

/// <summary>
/// Request forgery protection: a change (any method but GET, HEAD, OPTIONS, TRACE), a hub negotiation (a POST) or a
/// WebSocket upgrade that a browser sends from another origin is refused with 403 before anything runs. SameSite=Lax
/// keeps the cookie off other sites' requests, but a sibling subdomain or another port on the same host is the same
/// site, so the browser's own <c>Sec-Fetch-Site</c> and <c>Origin</c> headers (which no page can set) decide:
/// <c>same-origin</c>, or an Origin equal to the host the console is reached at or one of
/// <see cref="RequestOriginOptions.AllowedOrigins"/>. A request with neither header came from no web page (a script,
/// the .NET SignalR client) and carries no victim's cookie.
/// Not checked: endpoints open to every site by their CORS policy (the widget, authorized by its visitor token alone),
/// and requests authenticated by a header (integration key, bearer token), which another site's page cannot add
/// without a CORS preflight this app grants only to the widget.
/// </summary>
public sealed class SameOriginMiddleware(RequestDelegate next, IOptions<RequestOriginOptions> options)
{
    public const string RefusedMessage =
        "This request came from a page of another site: the console accepts changes only from its own pages.";

    private readonly HashSet<string> _allowed = new(options.Value.AllowedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsCheck(context) && !IsFromThisSite(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = RefusedMessage },
            });
            return;
        }
        await next(context);
    }

    private static bool NeedsCheck(HttpContext context)
    {
        var method = context.Request.Method;
        var changes = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
        // The Upgrade header itself: the WebSockets feature is added later, inside the hub's own pipeline. (An HTTP/2
        // WebSocket is a CONNECT, which counts as a change.)
        var upgrade = context.Request.Headers.Upgrade.Any(u => string.Equals(u, "websocket", StringComparison.OrdinalIgnoreCase));
        if (!changes && !upgrade) return false;
        var headers = context.Request.Headers;
        if (headers.ContainsKey(HeaderNames.Authorization) || headers.ContainsKey(Inbound.InboundOptions.KeyHeader)) return false;
        return context.GetEndpoint()?.Metadata.GetMetadata<IEnableCorsAttribute>()?.PolicyName != Api.WidgetApi.CorsPolicy;
    }

    private bool IsFromThisSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite == "same-origin") return true;
        var origin = request.Headers.Origin.ToString();
        // No Origin: not sent by a web page of any site ("none" is the user's own navigation).
        if (origin.Length == 0) return fetchSite is "" or "none";
        // "null" (a sandboxed frame, a file) and anything unparsable is refused.
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        if (_allowed.Contains(origin.TrimEnd('/'))) return true;
        // The host the console is reached at, whatever the scheme: behind a TLS-terminating proxy the app sees http.
        var host = request.Host;
        return string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase)
            && (host.Port ?? uri.Port) == uri.Port;
    }
}
