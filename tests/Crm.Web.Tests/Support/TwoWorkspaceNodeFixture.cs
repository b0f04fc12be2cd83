namespace Crm.Web.Tests.Support;

/// <summary>A node seeded with the demo workspace and a second tenant, "acme" (users agent@acme.crm, admin@acme.crm, ...).</summary>
public sealed class TwoWorkspaceNodeFixture : WebNodeFixture
{
    public const string OtherWorkspace = "acme";
    public const string OtherAgent = "agent@acme.crm";
    public const string OtherAdmin = "admin@acme.crm";

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Crm:Demo:ExtraWorkspaces:0"] = OtherWorkspace;
}
