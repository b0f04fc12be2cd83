using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Identity;

/// <summary>
/// One node with two workspaces: the seeded "demo", and "acme" with one admin (Crm:Setup), so tests can show that
/// nothing crosses workspaces. Tests create their own members by invitation and never change the seeded ones.
/// </summary>
public sealed class IdentityNodeFixture() : WebNodeFixture(environment: null, new Dictionary<string, string?>
{
    ["Crm:Setup:WorkspaceId"] = AcmeWorkspace,
    ["Crm:Setup:WorkspaceName"] = "Acme",
    ["Crm:Setup:AdminEmail"] = AcmeAdmin,
    ["Crm:Setup:AdminPassword"] = CrmProcess.DemoPassword,
})
{
    public const string AcmeWorkspace = "acme";
    public const string AcmeAdmin = "admin@acme.test";
}
