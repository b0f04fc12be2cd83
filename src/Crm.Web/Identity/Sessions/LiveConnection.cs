namespace Crm.Web.Identity.Sessions;

/// <summary>
/// Something long-lived this web node holds open for a signed-in session: a hub connection or a console circuit. The
/// cookie is checked once when it opens, so ending the session must reach it here. <see cref="Role"/> is the role
/// its principal carried when it opened, so a role change elsewhere in the cluster can be noticed by the sweeper.
/// </summary>
public sealed record LiveConnection(
    string Id, string UserId, string WorkspaceId, string SessionId, string? Role, LiveConnectionKind Kind, Func<LiveConnectionEnd, Task> EndAsync);
