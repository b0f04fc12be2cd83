using System.Threading.Channels;
using Crm.Grains.Abstractions.LiveFeed;

namespace Crm.Web.LiveFeed;

/// <summary>
/// One subscriber's bounded queue and the loop that drains it, so a subscriber that is slow (a busy circuit, a grain
/// call in its handler) only ever delays itself. When its queue is full it is cut over: what is queued is dropped and,
/// once its loop comes round, it catches up through its own read (<c>onGap</c>, by sequence number or version) instead
/// of receiving the items one by one. Nothing on the delivering side ever waits for it.
/// </summary>
internal sealed class FeedSubscriber
{
    private readonly Channel<LiveFeedItem> _queue;
    private readonly Func<LiveFeedItem, Task> _handler;
    private readonly Func<Task> _onGap;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopped = new();
    private readonly int _capacity;
    private int _stale;

    public FeedSubscriber(string? workspaceId, int capacity, Func<LiveFeedItem, Task> handler, Func<Task> onGap, ILogger logger)
    {
        WorkspaceId = workspaceId;
        _handler = handler;
        _onGap = onGap;
        _logger = logger;
        _capacity = capacity;
        // One reader (the loop below); the observer is the only writer, but nothing breaks if Orleans ever calls it twice at once.
        _queue = Channel.CreateBounded<LiveFeedItem>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait,
        });
        _ = DrainAsync();
    }

    public string? WorkspaceId { get; }

    /// <summary>Queues the item, never waiting: a full queue marks the subscriber stale instead.</summary>
    public void Offer(LiveFeedItem item)
    {
        if (Volatile.Read(ref _stale) == 1) return; // its catch-up read will cover this item
        if (_queue.Writer.TryWrite(item)) return;
        if (Interlocked.Exchange(ref _stale, 1) == 0)
        {
            _logger.LogInformation("A live feed subscriber fell {Capacity} items behind: it catches up by reading instead", _capacity);
            // The reader is waiting or busy; make sure it wakes to see the flag even if nothing else arrives.
            _queue.Writer.TryWrite(item);
        }
    }

    public void Stop()
    {
        _queue.Writer.TryComplete();
        _stopped.Cancel();
    }

    private async Task DrainAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopped.Token))
            {
                if (Interlocked.Exchange(ref _stale, 0) == 1)
                {
                    // Everything queued is older than the catch-up read that follows: drop it, then read.
                    while (reader.TryRead(out _))
                    {
                    }
                    await RunAsync(_onGap, "catching up");
                    continue;
                }
                if (reader.TryRead(out var item)) await RunAsync(() => _handler(item), item.GetType().Name);
            }
        }
        catch (OperationCanceledException)
        {
            // Unsubscribed.
        }
    }

    private async Task RunAsync(Func<Task> work, string what)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopped.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "A live feed subscriber failed on {What}", what);
        }
    }
}
