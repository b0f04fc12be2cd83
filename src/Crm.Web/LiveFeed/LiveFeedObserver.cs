using Crm.Grains.Abstractions.LiveFeed;

namespace Crm.Web.LiveFeed;

/// <summary>
/// The grain observer this web node registers with the cluster. Orleans runs its calls one at a time, so it only
/// queues the batch (see <see cref="LiveFeedRelay.Publish"/>) and returns: the next batch never waits on a subscriber.
/// </summary>
public sealed class LiveFeedObserver(LiveFeedRelay relay) : ILiveFeedObserver
{
    public Task OnItemsAsync(LiveFeedItem[] items)
    {
        relay.Publish(items);
        return Task.CompletedTask;
    }
}
