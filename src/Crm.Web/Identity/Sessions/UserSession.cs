namespace Crm.Web.Identity.Sessions;

/// <summary>One sign-in: the login cookie carries <see cref="Id"/>, and the cookie is refused once <see cref="EndedAt"/> is set.</summary>
public sealed class UserSession
{
    public const int MaxUserAgentLength = 512;

    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string WorkspaceId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Refreshed at most every <see cref="SessionTimings.LastSeenWriteEvery"/>: a request is not a write.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    public string? UserAgent { get; set; }
    public string? IpAddress { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Who or what ended it: "signed-out", "user:{id}", "admin:{id}", "deactivated".</summary>
    public string? EndedBy { get; set; }

    /// <summary>Live: not ended, and not idle past the cookie's own sliding lifetime (such a cookie is dead anyway).</summary>
    public bool IsActiveAt(DateTimeOffset now) => EndedAt is null && now - LastSeenAt < SessionTimings.IdleLifetime;
}
