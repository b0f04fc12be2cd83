using Crm.Grains.Abstractions.LiveFeed;
using Orleans.Concurrency;

namespace Crm.Grains.LiveFeed;

/// <summary>
/// Fans committed view records out to every web node. A stateless worker, so each silo publishes locally without a
/// hop through one central grain; the observer list is cached for <see cref="LiveFeedTimings.PublisherCache"/>.
/// </summary>
[StatelessWorker]
public sealed class LiveFeedPublisherGrain(TimeProvider clock) : Grain, ILiveFeedPublisherGrain
{
    private ILiveFeedObserver[] _observers = [];
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public async Task PublishAsync(LiveFeedItem[] items)
    {
        if (clock.GetUtcNow() - _refreshedAt > LiveFeedTimings.PublisherCache)
        {
            var list = await GrainFactory.GetGrain<ILiveFeedDirectoryGrain>(ILiveFeedDirectoryGrain.Key).GetObserversAsync();
            _observers = list.Observers;
            _refreshedAt = clock.GetUtcNow();
        }
        foreach (var observer in _observers)
            _ = observer.OnItemsAsync(items);
    }
}
