using Orleans.Concurrency;

namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>Implemented by each web node (one observer per node), which relays items to its SignalR groups and console circuits.</summary>
public interface ILiveFeedObserver : IGrainObserver
{
    /// <summary>One-way: a slow or dead web node never holds up the grain that committed.</summary>
    [OneWay]
    Task OnItemsAsync(LiveFeedItem[] items);
}
