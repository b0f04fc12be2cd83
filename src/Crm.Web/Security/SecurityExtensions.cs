using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Crm.Web.Security;

public static class SecurityExtensions
{
    /// <summary>Rate limits (Crm:RateLimits, see <see cref="RateLimitOptions"/>), the hub limit filter and HSTS.</summary>
    public static IHostApplicationBuilder AddCrmSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => AllPositive(o), "Every Crm:RateLimits rule needs a PermitLimit above 0 and a Window above zero.")
            .ValidateOnStart();
        builder.Services.AddOptions<RequestOriginOptions>().BindConfiguration(RequestOriginOptions.SectionName)
            .Validate(o => o.AllValid(), "Every Crm:Security:AllowedOrigins entry must be an origin such as https://crm.example.com (no path).")
            .ValidateOnStart();
        builder.Services.AddSingleton<HubRateLimitFilter>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>>((limiter, limits) => RequestRateLimits.Configure(limiter, limits.Value));
        // A year, as browsers' preload lists expect; no includeSubDomains: other services may share the parent domain.
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>Headers first, so every response (errors and 429s included) carries them; HSTS outside Development only,
    /// where a developer's localhost would otherwise be pinned to https.</summary>
    public static IApplicationBuilder UseCrmSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }

    /// <summary>Request forgery protection (<see cref="SameOriginMiddleware"/>): after CORS, so the widget's preflights are
    /// answered; before rate limits and authentication, so a forged request costs nothing.</summary>
    public static IApplicationBuilder UseCrmSameOrigin(this IApplicationBuilder app) => app.UseMiddleware<SameOriginMiddleware>();

    /// <summary>The login-email reader, then the rate limiter: after CORS, so a refused widget call still carries the CORS
    /// headers its script needs to read the 429; before authentication, so a flood costs no cookie or token work.</summary>
    public static IApplicationBuilder UseCrmRateLimits(this IApplicationBuilder app) =>
        app.UseMiddleware<LoginEmailMiddleware>().UseRateLimiter();

    private static bool AllPositive(RateLimitOptions o) =>
        new[] { o.Login, o.LoginPerEmail, o.WidgetSessions, o.WidgetUploads, o.Anonymous, o.HubMessages, o.HubTyping }
            .All(r => r.PermitLimit > 0 && r.Window > TimeSpan.Zero);
}
