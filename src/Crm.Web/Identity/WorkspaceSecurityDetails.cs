namespace Crm.Web.Identity;

/// <summary>A workspace's sign-in rules as the API and the console show them; <see cref="ChangedAt"/> null: never changed.</summary>
public sealed record WorkspaceSecurityDetails(string WorkspaceId, bool RequireTwoFactor, DateTimeOffset? ChangedAt, string? ChangedBy);
