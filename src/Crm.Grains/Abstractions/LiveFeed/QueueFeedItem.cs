using Crm.Grains.Abstractions.Queues;

namespace Crm.Grains.Abstractions.LiveFeed;

[GenerateSerializer, Immutable, Alias("crm.live-feed.queue")]
public sealed record QueueFeedItem(QueueDetails Queue) : LiveFeedItem
{
    public override string WorkspaceId => Queue.WorkspaceId;
}
