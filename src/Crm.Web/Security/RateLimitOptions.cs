namespace Crm.Web.Security;

/// <summary>
/// Crm:RateLimits — what one client may do per window. Every rule is a fixed window per partition, e.g.
/// <c>Crm:RateLimits:Login:PermitLimit=10</c> and <c>Crm:RateLimits:Login:Window=00:01:00</c> (environment:
/// <c>Crm__RateLimits__Login__PermitLimit</c>). Tests and load benchmarks raise them, or set
/// <c>Crm:RateLimits:Enabled=false</c>: one client driving thousands of messages a second is exactly what these
/// limits refuse.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Crm:RateLimits";

    /// <summary>Off only for load tests: every limit below (HTTP and hub) is skipped.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in attempts (POST /api/auth/login and the login form) per client IP. Above the per-email limit, because
    /// a whole office can sign in from one NAT address at nine o'clock.</summary>
    public RateLimitRule Login { get; set; } = new(30, TimeSpan.FromMinutes(1));

    /// <summary>Sign-in attempts per email address, from any IP: slows a password spray on one account before lockout.</summary>
    public RateLimitRule LoginPerEmail { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>POST /api/widget/sessions per client IP. The widget asks once per page view of a customer's site.</summary>
    public RateLimitRule WidgetSessions { get; set; } = new(30, TimeSpan.FromMinutes(1));

    /// <summary>POST /api/widget/attachments per client IP.</summary>
    public RateLimitRule WidgetUploads { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>Every other request that needs no console cookie (the rest of /api/widget, /hubs/widget, /api/inbound,
    /// /api/outbound) per client IP. Generous: a mail gateway posts from one address.</summary>
    public RateLimitRule Anonymous { get; set; } = new(600, TimeSpan.FromMinutes(1));

    /// <summary>PostMessage / SendMessage / SendMessageWithAttachments per visitor or agent, on either hub.</summary>
    public RateLimitRule HubMessages { get; set; } = new(20, TimeSpan.FromSeconds(10));

    /// <summary>Typing per visitor or agent, on either hub. The widget sends at most one every 2 s.</summary>
    public RateLimitRule HubTyping { get; set; } = new(30, TimeSpan.FromSeconds(10));
}
