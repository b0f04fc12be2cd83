using Crm.Grains.Abstractions.LiveFeed;
using Orleans.Concurrency;
using Crm.Grains.Abstractions.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.LiveFeed;

/// <summary>
/// Fans committed view records out to every web node. A stateless worker, so each silo publishes locally without a
/// hop through one central grain; the observer list is cached for <see cref="LiveFeedTimings.PublisherCache"/>.
/// One activation per key and silo, not a pool: a pool runs calls side by side and could send a conversation's later
/// items before its earlier ones. With one activation, calls run one at a time in arrival order (the awaited
/// directory refresh included), so items leave in commit order; keys (partitions) keep the silo's feed parallel.
/// </summary>
[StatelessWorker(1)]
public sealed class LiveFeedPublisherGrain([FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, ILiveFeedPublisherGrain
{
    private ILiveFeedObserver[] _observers = [];
    private long? _refreshedAt;

    public async Task PublishAsync(LiveFeedItem[] items)
    {
        // Elapsed time, not wall time: a clock stepped backwards (an NTP correction) must not freeze the cache.
        if (_refreshedAt is not { } at || clock.GetElapsedTime(at) > LiveFeedTimings.PublisherCache)
        {
            // Stamped when asked, not when answered: a list is as old as the question, so one asked before a node
            // registered never counts as fresh for a full cache period after it (which the node's wait relies on).
            var askedAt = clock.GetTimestamp();
            var list = await GrainFactory.GetGrain<ILiveFeedDirectoryGrain>(ILiveFeedDirectoryGrain.Key).GetObserversAsync();
            _observers = list.Observers;
            _refreshedAt = askedAt;
        }
        foreach (var observer in _observers)
            _ = observer.OnItemsAsync(items);
    }
}
