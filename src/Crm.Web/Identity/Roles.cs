namespace Crm.Web.Identity;

public static class Roles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string Agent = "agent";
    public const string Sales = "sales";

    public static readonly IReadOnlyList<string> All = [Admin, Supervisor, Agent, Sales];

    /// <summary>
    /// The one role a user acts with. Users hold exactly one; should a store hold more, the first in <see cref="All"/>
    /// wins, the same order <see cref="WorkspaceUser.From"/> reads a cookie in.
    /// </summary>
    public static string? Primary(IEnumerable<string?> roles)
    {
        var held = roles.ToHashSet();
        return All.FirstOrDefault(held.Contains);
    }

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
