namespace Crm.Web.Identity;

public static class Roles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string Agent = "agent";
    public const string Sales = "sales";

    public static readonly IReadOnlyList<string> All = [Admin, Supervisor, Agent, Sales];
}
