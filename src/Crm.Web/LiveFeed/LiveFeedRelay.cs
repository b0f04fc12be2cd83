using System.Collections.Concurrent;
using Crm.Grains.Abstractions.LiveFeed;

namespace Crm.Web.LiveFeed;

/// <summary>
/// This web node's in-process fan-out of the cluster's live feed: the SignalR relay and every console circuit
/// subscribe here, per workspace. Handlers run one after another per batch; a failing handler is logged, not fatal.
/// </summary>
public sealed class LiveFeedRelay(ILogger<LiveFeedRelay> logger)
{
    private readonly ConcurrentDictionary<Guid, (string? WorkspaceId, Func<LiveFeedItem, Task> Handler)> _subscribers = new();

    /// <summary>Subscribes to one workspace's items (or all, for the hub relay with a null workspace). Dispose to stop.</summary>
    public IDisposable Subscribe(string? workspaceId, Func<LiveFeedItem, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = (workspaceId, handler);
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    public async Task PublishAsync(IReadOnlyList<LiveFeedItem> items)
    {
        foreach (var item in items)
        foreach (var (workspaceId, handler) in _subscribers.Values)
        {
            if (workspaceId is not null && workspaceId != item.WorkspaceId) continue;
            try
            {
                await handler(item);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A live feed subscriber failed on {ItemType}", item.GetType().Name);
            }
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
