namespace Crm.Web.Identity.Users;

/// <summary>A member of the workspace as its admins see them.</summary>
public sealed record UserDetails(
    string UserId,
    string Email,
    string DisplayName,
    string AgentId,
    string? Role,
    UserStatus Status,
    bool TwoFactorEnabled,
    DateTimeOffset? LockedOutUntil,
    int ActiveSessions);
