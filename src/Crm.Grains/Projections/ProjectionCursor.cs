using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Projections;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Projections;

/// <summary>
/// The one paging loop of every projection: reads the events matching the filter after the checkpoint, a bounded page at
/// a time, hands them to the handler in position order, and moves the checkpoint to the position the store read up to,
/// so a filter that matched nothing still advances. A handler that throws stops the cursor at that event (a poison
/// event): it is logged, counted and reported, the checkpoint stays before it, and nothing after it is handled until a
/// retry (after <see cref="RetryDelay"/>, growing to a minute) gets past it. Not thread-safe: one grain turn at a time.
/// </summary>
public sealed class ProjectionCursor
{
    private readonly string _name;
    private readonly EventFilter _filter;
    private readonly ProjectionServices _services;
    private readonly Func<Exception, bool> _transient;
    private readonly int _pageSize;
    private long _knownHead;
    private DateTimeOffset _headReadAt;
    private double _lagSeconds;
    private int _failures;
    private string? _error;
    private DateTimeOffset _retryAt;

    /// <param name="transient">Exceptions that are no poison (e.g. a lost write race): rethrown as they are, the checkpoint before the event.</param>
    /// <param name="pageSize">Events per page; default <see cref="ProjectionOptions.PageSize"/> (a grain turn's worth).</param>
    public ProjectionCursor(string name, EventFilter filter, ProjectionServices services, Func<Exception, bool>? transient = null, int? pageSize = null)
    {
        _pageSize = pageSize ?? services.Options.PageSize;
        _name = name;
        _filter = filter;
        _services = services;
        _transient = transient ?? (_ => false);
    }

    /// <summary>The partition's name, e.g. "inbox/acme".</summary>
    public string Name => _name;

    /// <summary>Every matching event up to here is handled.</summary>
    public long Checkpoint { get; private set; }

    /// <summary>The position of the event the handler fails on, while stopped; null while running.</summary>
    public long? FailedAt { get; private set; }

    /// <summary>True after a page that reached the store's head.</summary>
    public bool CaughtUp { get; private set; }

    /// <summary>How long to wait before trying a failing event again.</summary>
    public TimeSpan RetryDelay
    {
        get
        {
            var wait = _retryAt - _services.Monitor.Now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    /// <summary>Starts (again) from <paramref name="checkpoint"/>: a snapshot's, or one committed with the projection's writes.</summary>
    public void Resume(long checkpoint)
    {
        Checkpoint = checkpoint;
        CaughtUp = false;
        Report();
    }

    /// <summary>
    /// One page for a handler that applies one event at a time (a grain's in-memory fold): the checkpoint moves after each
    /// event, so a failure part-way leaves it exactly before the failing event and nothing is applied twice.
    /// Returns true when the page reached the head. Throws <see cref="ProjectionStoppedException"/> when stopped.
    /// </summary>
    /// <param name="read">Given the page before its first event is applied: e.g. to load in one read what the events will fold into.</param>
    public async Task<bool> StepAsync(Func<StoredEvent, Task> apply, CancellationToken cancellationToken = default, Func<IReadOnlyList<StoredEvent>, Task>? read = null)
    {
        var page = await ReadPageAsync(cancellationToken);
        if (read is not null && page.Events.Count > 0) await read(page.Events);
        foreach (var stored in page.Events)
        {
            await HandleOneAsync(stored, () => apply(stored));
        }
        return Advanced(page);
    }

    /// <summary>
    /// One page for a handler that takes a batch (<see cref="IProjection"/>): it gets the page and the position read up
    /// to. When it throws, the page is handed again one event at a time to find the failing event; the ones before it
    /// are handled and checkpointed. Returns true when the page reached the head.
    /// </summary>
    public async Task<bool> StepAsync(Func<IReadOnlyList<StoredEvent>, long, Task> handle, CancellationToken cancellationToken = default)
    {
        var page = await ReadPageAsync(cancellationToken);
        if (page.Events.Count == 0 && page.ReadUpTo <= Checkpoint) return Advanced(page);
        try
        {
            await handle(page.Events, page.ReadUpTo);
        }
        catch (Exception ex) when (page.Events.Count > 1 && ex is not OperationCanceledException)
        {
            _services.Logger.LogWarning(ex, "Projection {Projection} failed on a batch of {Count} events after {Checkpoint}; handing them one at a time",
                _name, page.Events.Count, Checkpoint);
            foreach (var stored in page.Events)
            {
                await HandleOneAsync(stored, () => handle([stored], stored.Position));
            }
            // Each event got through on its own: the next step reads on (and records the position read past them).
            Report();
            return false;
        }
        catch (Exception ex) when (page.Events.Count == 1 && ex is not OperationCanceledException)
        {
            throw Stop(page.Events[0], ex);
        }
        return Advanced(page);
    }

    /// <summary>Steps until the head (for a read that must include every committed event); throws when stopped.</summary>
    public async Task CatchUpAsync(Func<StoredEvent, Task> apply, CancellationToken cancellationToken = default)
    {
        while (!await StepAsync(apply, cancellationToken))
        {
        }
    }

    private async Task<EventPage> ReadPageAsync(CancellationToken cancellationToken)
    {
        if (FailedAt is { } failedAt && RetryDelay > TimeSpan.Zero)
            throw new ProjectionStoppedException(_name, failedAt, _error ?? "its handler failed");
        return await _services.Store.ReadAsync(_filter, Checkpoint, _pageSize, cancellationToken);
    }

    private async Task HandleOneAsync(StoredEvent stored, Func<Task> handle)
    {
        try
        {
            await handle();
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !_transient(ex))
        {
            throw Stop(stored, ex);
        }
        Checkpoint = stored.Position;
        _services.Monitor.Handled(_name, 1);
    }

    private bool Advanced(EventPage page)
    {
        Checkpoint = Math.Max(Checkpoint, page.ReadUpTo);
        CaughtUp = page.ReachedHead;
        if (FailedAt is { } failedAt)
        {
            _services.Logger.LogInformation("Projection {Projection} got past position {Position} and runs again", _name, failedAt);
            (FailedAt, _error, _failures) = (null, null, 0);
        }
        var now = _services.Monitor.Now;
        _lagSeconds = page.ReachedHead || page.Events.Count == 0 ? 0 : Math.Max(0, (now - page.Events[^1].Timestamp).TotalSeconds);
        Report();
        return page.ReachedHead;
    }

    private ProjectionStoppedException Stop(StoredEvent stored, Exception ex)
    {
        _failures++;
        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(_failures - 1, 10)), _services.Options.MaxRetryDelay.TotalSeconds));
        _retryAt = _services.Monitor.Now + delay;
        _services.Monitor.Failed(_name);
        if (FailedAt != stored.Position || _failures <= 3 || _failures % 10 == 0)
        {
            _services.Logger.LogError(ex,
                "Projection {Projection} stopped at position {Position} ({Type} in {StreamId}): its handler failed {Failures} time(s); retrying in {Delay}",
                _name, stored.Position, stored.Type, stored.StreamId, _failures, delay);
        }
        FailedAt = stored.Position;
        _error = $"{stored.Type} in {stored.StreamId}: {ex.Message}";
        Report();
        return new ProjectionStoppedException(_name, stored.Position, _error, ex);
    }

    private void Report()
    {
        var head = Math.Max(Math.Max(_knownHead, _services.Signal.Head), Checkpoint);
        if (CaughtUp) head = Math.Max(Checkpoint, _services.Signal.Head);
        else if (_services.Monitor.Now - _headReadAt > TimeSpan.FromSeconds(1))
        {
            // Only an estimate between reads; refreshed in the background at most once a second while behind.
            _headReadAt = _services.Monitor.Now;
            _ = RefreshHeadAsync();
        }
        _services.Monitor.Report(new ProjectionStatus(_name, Checkpoint, head, _lagSeconds, FailedAt, _error, _services.Monitor.Now, CaughtUp));
    }

    private async Task RefreshHeadAsync()
    {
        try
        {
            _knownHead = Math.Max(_knownHead, await _services.Store.GetHeadPositionAsync());
        }
        catch (Exception ex)
        {
            _services.Logger.LogDebug(ex, "Reading the head for projection {Projection}'s lag failed", _name);
        }
    }
}
