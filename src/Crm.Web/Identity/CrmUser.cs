using Microsoft.AspNetCore.Identity;

namespace Crm.Web.Identity;

/// <summary>A console user. Belongs to exactly one workspace; <see cref="AgentId"/> is their agent grain in it.</summary>
public sealed class CrmUser : IdentityUser
{
    public string WorkspaceId { get; set; } = "";
    public string AgentId { get; set; } = "";
    public string DisplayName { get; set; } = "";
}
