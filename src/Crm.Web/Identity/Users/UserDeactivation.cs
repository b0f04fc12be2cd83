namespace Crm.Web.Identity.Users;

/// <summary>A user an admin deactivated: present means they cannot sign in and every session of theirs is refused.</summary>
public sealed class UserDeactivation
{
    public string UserId { get; set; } = "";
    public string WorkspaceId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
}
