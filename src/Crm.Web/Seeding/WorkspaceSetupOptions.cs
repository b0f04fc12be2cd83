namespace Crm.Web.Seeding;

/// <summary>
/// Bound from "Crm:Setup": a workspace and its first admin, created at start when <see cref="AdminEmail"/> has no
/// account yet. How a deployment without demo data gets someone who can sign in and invite the rest, e.g.
/// <c>Crm__Setup__WorkspaceId=acme Crm__Setup__AdminEmail=ops@acme.example</c>. Without <see cref="AdminPassword"/>
/// the log shows a one-time invitation link instead (valid for a week).
/// </summary>
public sealed class WorkspaceSetupOptions
{
    public const string SectionName = "Crm:Setup";

    public string? WorkspaceId { get; set; }
    public string? WorkspaceName { get; set; }
    public string? AdminEmail { get; set; }
    public string? AdminName { get; set; }

    /// <summary>Optional; keep it out of files in the repository (an environment variable or a secret store).</summary>
    public string? AdminPassword { get; set; }
}
