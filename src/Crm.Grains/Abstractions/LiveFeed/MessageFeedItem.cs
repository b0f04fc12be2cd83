using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.LiveFeed;

[GenerateSerializer, Immutable, Alias("crm.live-feed.message")]
public sealed record MessageFeedItem(MessageDetails Message) : LiveFeedItem
{
    public override string WorkspaceId => Message.WorkspaceId;
}
