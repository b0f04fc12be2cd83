using System.Collections.Concurrent;
using Crm.Grains.Abstractions.LiveFeed;

namespace Crm.Web.LiveFeed;

/// <summary>
/// This web node's in-process fan-out of the cluster's live feed: the SignalR relay and every console circuit
/// subscribe here, per workspace. <see cref="Publish"/> only queues: each subscriber drains its own bounded queue on
/// its own loop (see <see cref="FeedSubscriber"/>), so one slow subscriber never delays another, nor the observer.
/// Batches pass a <see cref="FeedResequencer"/> first, so each conversation's items reach subscribers in commit order
/// even when the cluster delivered two of them swapped.
/// </summary>
public sealed class LiveFeedRelay : IDisposable
{
    /// <summary>How many items a subscriber may fall behind before it is cut over to its catch-up read.</summary>
    public const int DefaultCapacity = 512;

    private readonly ConcurrentDictionary<Guid, FeedSubscriber> _subscribers = new();
    private readonly ILogger<LiveFeedRelay> _logger;
    private readonly FeedResequencer _resequencer;

    public LiveFeedRelay(TimeProvider clock, ILogger<LiveFeedRelay> logger)
    {
        _logger = logger;
        _resequencer = new FeedResequencer(clock, Fan);
    }

    /// <summary>
    /// Subscribes to one workspace's items (or all, for the hub relay with a null workspace). <paramref name="handler"/>
    /// runs on the subscriber's own loop, one item at a time in feed order; <paramref name="catchUp"/> runs there
    /// instead when the subscriber fell <paramref name="capacity"/> items behind and its queue was dropped: it reads
    /// what it missed (after its last sequence number or version). Dispose to stop.
    /// </summary>
    public IDisposable Subscribe(string? workspaceId, Func<LiveFeedItem, Task> handler, Func<Task> catchUp, int capacity = DefaultCapacity)
    {
        var id = Guid.NewGuid();
        var subscriber = new FeedSubscriber(workspaceId, capacity, handler, catchUp, _logger);
        _subscribers[id] = subscriber;
        return new Subscription(() =>
        {
            if (_subscribers.TryRemove(id, out var removed)) removed.Stop();
        });
    }

    /// <summary>Takes one writer's batch from the cluster; returns at once, never waiting on a subscriber.</summary>
    public void Publish(IReadOnlyList<LiveFeedItem> items) => _resequencer.Accept(items);

    public void Dispose() => _resequencer.Dispose();

    /// <summary>Hands a batch, in order, to every interested subscriber's queue.</summary>
    private void Fan(IReadOnlyList<LiveFeedItem> items)
    {
        foreach (var subscriber in _subscribers.Values)
        foreach (var item in items)
        {
            if (subscriber.WorkspaceId is null || subscriber.WorkspaceId == item.WorkspaceId) subscriber.Offer(item);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
