namespace Crm.Web.Tests.Support;

/// <summary>The seeded demo workspace, as the tests use it (see Crm.Web's DemoData).</summary>
public static class DemoUsers
{
    public const string Workspace = "demo";
    public const string Agent = "agent@demo.crm";
    public const string Agent2 = "agent2@demo.crm";
    public const string Admin = "admin@demo.crm";
    public const string Supervisor = "supervisor@demo.crm";
    public const string Sales = "sales@demo.crm";
}
