using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.LiveFeed;

/// <summary>
/// Web nodes' observers, each under a lease. In memory by design: after a failover the web nodes re-register
/// within one renewal period (<see cref="LiveFeedTimings.RenewEvery"/>), and a lease that lapses drops a dead node.
/// </summary>
public sealed class LiveFeedDirectoryGrain([FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, ILiveFeedDirectoryGrain
{
    private readonly Dictionary<string, (ILiveFeedObserver Observer, DateTimeOffset Expires)> _nodes = [];
    private long _version;

    public Task RegisterAsync(string nodeId, ILiveFeedObserver observer)
    {
        var isNew = !_nodes.TryGetValue(nodeId, out var known) || !known.Observer.Equals(observer);
        _nodes[nodeId] = (observer, clock.GetUtcNow() + LiveFeedTimings.Lease);
        if (isNew) _version++;
        return Task.CompletedTask;
    }

    public Task UnregisterAsync(string nodeId)
    {
        if (_nodes.Remove(nodeId)) _version++;
        return Task.CompletedTask;
    }

    public Task<LiveFeedObservers> GetObserversAsync()
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _nodes.Where(n => n.Value.Expires < now).Select(n => n.Key).ToList())
        {
            _nodes.Remove(expired);
            _version++;
        }
        return Task.FromResult(new LiveFeedObservers(_version, _nodes.Values.Select(n => n.Observer).ToArray()));
    }
}
