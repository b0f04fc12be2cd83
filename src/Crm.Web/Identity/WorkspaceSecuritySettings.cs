namespace Crm.Web.Identity;

/// <summary>A workspace's sign-in rules, set by its admins. No row: the defaults (two-factor optional).</summary>
public sealed class WorkspaceSecuritySettings
{
    public string WorkspaceId { get; set; } = "";

    /// <summary>Every member must have two-factor sign-in on before the console or the API lets them in.</summary>
    public bool RequireTwoFactor { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedBy { get; set; } = "";
}
