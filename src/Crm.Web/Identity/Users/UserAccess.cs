namespace Crm.Web.Identity.Users;

/// <summary>What the identity store says about a user now: checked against their cookie on every request (cached briefly).</summary>
public sealed record UserAccess(
    string UserId, string WorkspaceId, string AgentId, string DisplayName, string? Role, bool TwoFactorEnabled, bool Deactivated);
