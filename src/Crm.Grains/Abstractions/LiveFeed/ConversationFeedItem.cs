using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.LiveFeed;

[GenerateSerializer, Immutable, Alias("crm.live-feed.conversation")]
public sealed record ConversationFeedItem(ConversationSummary Summary) : LiveFeedItem
{
    public override string WorkspaceId => Summary.WorkspaceId;
}
