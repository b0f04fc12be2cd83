namespace Crm.Web.Identity;

public static class Roles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string Agent = "agent";
    public const string Sales = "sales";

    public static readonly IReadOnlyList<string> All = [Admin, Supervisor, Agent, Sales];

    /// <summary>Who reads reports, as the comma-separated list AuthorizeView and [Authorize] take.</summary>
    public const string ReportReaders = Admin + "," + Supervisor;

    public static bool CanReadReports(string? role) => role is Admin or Supervisor;
}
