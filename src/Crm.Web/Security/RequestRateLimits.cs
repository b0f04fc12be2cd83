using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Crm.Web.Security;

/// <summary>
/// The HTTP limits as one global limiter, classified by path here rather than by attributes on each endpoint: the
/// login form is a Razor component endpoint shared with its GET, and one table of "what is limited" is easier to
/// review than policies spread over six files. Partitions are per client IP (RemoteIpAddress: behind a reverse proxy,
/// configure forwarded headers so it is the client's, not the proxy's), chained with a per-email partition for logins.
/// </summary>
public static class RequestRateLimits
{
    /// <summary>HttpContext.Items key: which rule refused, for the message.</summary>
    private const string RuleKey = "crm.rate-limit-rule";

    /// <summary>
    /// Whether the request is a sign-in attempt: the JSON endpoints or the login form's post (password or two-factor
    /// code), or an invitation being accepted. Each guesses a secret anonymously, so all share the login limits.
    /// </summary>
    public static bool IsLogin(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/api/auth/login", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals(Api.AuthApi.TwoFactorPath, StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals(Api.AuthApi.AcceptInvitationPath, StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals(Identity.IdentityExtensions.LoginPath, StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals(Identity.IdentityExtensions.AcceptInvitePath, StringComparison.OrdinalIgnoreCase));

    public static void Configure(RateLimiterOptions limiter, RateLimitOptions limits)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = RejectAsync;
        if (!limits.Enabled) return;

        var byIp = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var (name, rule) = Classify(context.Request, limits);
            if (rule is null) return RateLimitPartition.GetNoLimiter("");
            context.Items[RuleKey] = name;
            return FixedWindow($"{name}|{ClientIp(context)}", rule);
        });
        var byEmail = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (context.Items[LoginEmailMiddleware.ItemKey] is not string email) return RateLimitPartition.GetNoLimiter("");
            // Set before acquiring: when this limiter refuses, the message names the right limit.
            context.Items[RuleKey] = "login";
            return FixedWindow($"login-email|{email}", limits.LoginPerEmail);
        });
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(byIp, byEmail);
    }

    private static (string Name, RateLimitRule? Rule) Classify(HttpRequest request, RateLimitOptions limits)
    {
        var path = request.Path;
        if (IsLogin(request)) return ("login", limits.Login);
        if (HttpMethods.IsPost(request.Method) && path.Equals("/api/widget/sessions", StringComparison.OrdinalIgnoreCase))
            return ("widget-sessions", limits.WidgetSessions);
        if (HttpMethods.IsPost(request.Method) && path.StartsWithSegments("/api/widget/attachments", StringComparison.OrdinalIgnoreCase))
            return ("widget-uploads", limits.WidgetUploads);
        // What anyone can reach without a console cookie. Preflights are cheap and must not eat the caller's budget.
        if (!HttpMethods.IsOptions(request.Method)
            && (path.StartsWithSegments("/api/widget", StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments(Hubs.WidgetHub.Path, StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments("/api/inbound", StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments("/api/outbound", StringComparison.OrdinalIgnoreCase)))
            return ("anonymous", limits.Anonymous);
        return ("", null);
    }

    private static RateLimitPartition<string> FixedWindow(string key, RateLimitRule rule) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            // Refuse at once: a queued request would hold a connection open for an abuser.
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>429 with Retry-After (whole seconds) and a ProblemDetails message; plain text when the client accepts no JSON.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = (context.Items[RuleKey] as string) switch
        {
            "login" => $"Too many sign-in attempts: try again in {seconds} seconds.",
            "widget-sessions" => $"Too many chat sessions from this address: try again in {seconds} seconds.",
            "widget-uploads" => $"Too many uploads: try again in {seconds} seconds.",
            _ => $"Too many requests: try again in {seconds} seconds.",
        };
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        });
        if (!written)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(detail, cancellationToken);
        }
    }
}
