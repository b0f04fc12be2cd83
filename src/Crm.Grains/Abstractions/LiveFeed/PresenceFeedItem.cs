using Crm.Grains.Abstractions.Collaboration;

namespace Crm.Grains.Abstractions.LiveFeed;

[GenerateSerializer, Immutable, Alias("crm.live-feed.presence")]
public sealed record PresenceFeedItem(ConversationPresence Presence) : LiveFeedItem
{
    public override string WorkspaceId => Presence.WorkspaceId;
}
