using Crm.Grains.Abstractions.LiveFeed;

namespace Crm.Web.LiveFeed;

/// <summary>The grain observer this web node registers with the cluster; it hands every batch to the relay.</summary>
public sealed class LiveFeedObserver(LiveFeedRelay relay) : ILiveFeedObserver
{
    public Task OnItemsAsync(LiveFeedItem[] items) => relay.PublishAsync(items);
}
