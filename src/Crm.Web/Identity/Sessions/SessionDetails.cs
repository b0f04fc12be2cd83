namespace Crm.Web.Identity.Sessions;

/// <summary>A session as its owner (or an admin) sees it. <see cref="Current"/>: the one making this request.</summary>
public sealed record SessionDetails(
    string SessionId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? UserAgent, string? IpAddress, bool Current)
{
    public static SessionDetails From(UserSession session, string? currentSessionId) =>
        new(session.Id, session.CreatedAt, session.LastSeenAt, session.UserAgent, session.IpAddress, session.Id == currentSessionId);
}
