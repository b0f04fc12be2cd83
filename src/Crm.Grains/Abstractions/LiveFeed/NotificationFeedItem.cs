using Crm.Grains.Abstractions.Notifications;

namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>
/// An agent's notification centre changed: <see cref="Added"/> is new (null when only reads changed), <see cref="ReadIds"/>
/// became read (empty unless marked), <see cref="AllRead"/> every one did. Only that agent's consoles take it.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.live-feed.notification")]
public sealed record NotificationFeedItem(
    string Workspace, string AgentId, NotificationDetails? Added, IReadOnlyList<string> ReadIds, bool AllRead, int Unread) : LiveFeedItem
{
    public override string WorkspaceId => Workspace;
}
