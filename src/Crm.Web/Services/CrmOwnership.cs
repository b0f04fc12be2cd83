using Crm.Web.Identity;

namespace Crm.Web.Services;

/// <summary>"Sales reps own their deals": the owner a command is restricted to, for a sales rep; none for supervisors and admins.</summary>
public static class CrmOwnership
{
    public static string? AsOwner(this WorkspaceUser user) => user.Role == Roles.Sales ? user.AgentId : null;
}
