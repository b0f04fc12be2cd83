using System.Diagnostics;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Projections;

/// <summary>
/// A projection partition whose state is an in-memory fold (one per workspace: "{kind}/{workspace}"), kept in a versioned
/// snapshot together with its checkpoint, so an activation reads the snapshot plus the tail instead of the whole log,
/// and the checkpoint is durable exactly when the state it belongs to is. Events are applied one at a time through the
/// shared <see cref="ProjectionCursor"/>, so a failure (or a crash) never applies one twice: after a crash the fold
/// resumes from the snapshot's position, and every event after it is applied again to the state as of that position.
/// <para>
/// Woken by the silo's <see cref="ProjectionWaker"/> (after commits, and on its backstop poll, which also re-activates the
/// partition elsewhere when its silo stops), it handles one bounded page per turn and continues in the next turn, so
/// calls interleave with a long catch-up. Not reentrant: a page is applied in one turn, in order.
/// </para>
/// </summary>
/// <typeparam name="TSnapshot">The state as saved ([GenerateSerializer]).</typeparam>
public abstract class ProjectionGrain<TSnapshot> : Grain, IProjectionPartitionGrain
    where TSnapshot : class
{
    // How long an activation folds before it answers and goes on in later turns.
    private static readonly TimeSpan ActivationBudget = TimeSpan.FromSeconds(1);

    // How long a background step that failed outside any event's handler waits before it tries again.
    private static readonly TimeSpan FailedStepRetry = TimeSpan.FromSeconds(5);

    private ProjectionServices _services = null!;
    private ProjectionCursor _cursor = null!;
    private ProjectionContinuation _continue = null!;
    private long _snapshotAt;
    private int _sinceSnapshot;
    private DateTimeOffset _snapshotSavedAt;
    private long _snapshotFinishedTimestamp;
    private TimeSpan _snapshotCost;

    /// <summary>The projection's name, e.g. "inbox": with the workspace, names the partition, its snapshot and its metrics.</summary>
    protected abstract string Kind { get; }

    /// <summary>The shape of <typeparamref name="TSnapshot"/>: bump it when a change makes older snapshots unreadable.</summary>
    protected abstract int SnapshotSchema { get; }

    /// <summary>The events this projection folds (for this workspace).</summary>
    protected abstract EventFilter Filter { get; }

    // Decoded once: the grain's key is bytes, made into a new string on every read (the inbox compares it on every live update).
    protected string WorkspaceId => _workspaceId ??= this.GetPrimaryKeyString();

    private string? _workspaceId;

    /// <summary>
    /// False for a read model that answers on demand (deals, follow-ups, the CRM directory, the article catalog): it
    /// catches up before each answer, so a wake after every commit would only add a grain call and a read to the chat
    /// path for nobody. The backstop poll still wakes it (its snapshot registers it), which keeps its reported lag short.
    /// </summary>
    protected virtual bool WokenByCommits => true;

    /// <summary>Every matching event up to here is folded into the state.</summary>
    protected long Checkpoint => _cursor.Checkpoint;

    private string Partition => $"{Kind}/{WorkspaceId}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _services = ServiceProvider.GetRequiredService<ProjectionServices>();
        _cursor = new ProjectionCursor(Partition, Filter, _services);
        _continue = new ProjectionContinuation(this, StepInBackgroundAsync);
        var (snapshot, position) = await _services.Codec.LoadAsync<TSnapshot>(ProjectionWakeList.KeyOf(Partition), SnapshotSchema, cancellationToken);
        if (snapshot is not null && !await MatchesAsync(snapshot, position))
        {
            _services.Logger.LogWarning("Projection {Projection}'s snapshot at position {Position} does not match the state it keeps outside it; folding again from the first event",
                Partition, position);
            // Deleted, not just ignored: a save never moves a snapshot back, so the new fold's first snapshots would
            // be refused and every restart before it passed this position would start it again.
            await _services.Snapshots.DeleteAsync(ProjectionWakeList.KeyOf(Partition), cancellationToken);
            (snapshot, position) = (null, 0);
        }
        if (snapshot is not null) Restore(snapshot);
        else await StartEmptyAsync();
        _cursor.Resume(position);
        (_snapshotAt, _snapshotSavedAt) = (position, _services.Monitor.Now);
        if (WokenByCommits) _services.WakeList.Activated(Partition, this.AsReference<IProjectionPartitionGrain>());
        try
        {
            // The tail after a snapshot is short and folded here, so the first answer includes it. A long one (no
            // snapshot yet: a first start on a big history, a new projection) goes on in later turns: an activation
            // folding millions of events would hold every call to this partition, and fifty of them at once the silo.
            if (!await CatchUpWithinAsync(ActivationBudget)) _continue.In(TimeSpan.Zero);
        }
        catch (ProjectionStoppedException)
        {
            // Logged and reported by the cursor; the state stays at the event before, and a timer retries.
            _continue.In(_cursor.RetryDelay);
        }
        // The first snapshot also registers the partition, so the waker finds it again after any silo stops.
        if (snapshot is null) await SaveSnapshotAsync();
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (WokenByCommits) _services.WakeList.Deactivated(Partition);
        _services.Monitor.Forget(Partition);
        if (_cursor.Checkpoint > _snapshotAt) await SaveSnapshotAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task WakeAsync() => StepInBackgroundAsync();

    /// <summary>The state to save, as of <see cref="Checkpoint"/>.</summary>
    protected abstract TSnapshot TakeSnapshot();

    /// <summary>Takes over a snapshot's state (called once, on activation, before any event).</summary>
    protected abstract void Restore(TSnapshot snapshot);

    /// <summary>
    /// Whether a loaded snapshot belongs with the state the projection keeps outside it (a table that may have been
    /// deleted or restored from another backup); one that does not is discarded and the fold starts again.
    /// </summary>
    /// <param name="position">The snapshot's checkpoint.</param>
    protected virtual Task<bool> MatchesAsync(TSnapshot snapshot, long position) => Task.FromResult(true);

    /// <summary>
    /// Called on activation when there is no snapshot to restore (none saved yet, or discarded): the fold starts from the
    /// first event, so a projection that keeps state outside the snapshot (a table) drops it here.
    /// </summary>
    protected virtual Task StartEmptyAsync() => Task.CompletedTask;

    /// <summary>A page as read, before its first event is applied: e.g. to load in one read what its events fold into.</summary>
    protected virtual Task OnPageReadAsync(IReadOnlyList<StoredEvent> events) => Task.CompletedTask;

    /// <summary>
    /// Makes every event folded so far durable outside the snapshot (a projection that writes a table); called before
    /// each snapshot is saved, so a checkpoint never gets ahead of those writes.
    /// </summary>
    protected virtual Task FlushAsync() => Task.CompletedTask;

    /// <summary>Folds one event (position order; the cursor moves the checkpoint past it once this returns).</summary>
    protected abstract Task ApplyAsync(StoredEvent stored);

    /// <summary>After each page: e.g. publish what changed. <paramref name="caughtUp"/>: the page reached the head.</summary>
    protected virtual Task OnPageAppliedAsync(bool caughtUp) => Task.CompletedTask;

    /// <summary>
    /// Folds every event committed before this call (for an answer that must include them); throws
    /// <see cref="ProjectionStoppedException"/> while an event cannot be folded.
    /// </summary>
    protected async Task CatchUpAsync()
    {
        while (!await StepAsync())
        {
        }
    }

    private async Task<bool> CatchUpWithinAsync(TimeSpan budget)
    {
        var started = Environment.TickCount64;
        while (!await StepAsync())
            if (Environment.TickCount64 - started >= budget.TotalMilliseconds) return false;
        return true;
    }

    private async Task<bool> StepAsync()
    {
        var caughtUp = await _cursor.StepAsync(async stored =>
        {
            await ApplyAsync(stored);
            _sinceSnapshot++;
        }, read: OnPageReadAsync);
        await OnPageAppliedAsync(caughtUp);
        if (SnapshotDue()) await SaveSnapshotAsync();
        return caughtUp;
    }

    private bool SnapshotDue() => SnapshotSpacing.Due(
        _sinceSnapshot, _services.Options.SnapshotEvery, _services.Monitor.Now - _snapshotSavedAt,
        Stopwatch.GetElapsedTime(_snapshotFinishedTimestamp), _snapshotCost);

    /// <summary>One page now; the rest in later turns (a timer), so other calls run in between.</summary>
    private async Task StepInBackgroundAsync()
    {
        try
        {
            if (!await StepAsync()) _continue.In(TimeSpan.Zero);
        }
        catch (ProjectionStoppedException)
        {
            _continue.In(_cursor.RetryDelay);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not an event's fault (the store or a projection's table failed to answer): what was folded is kept,
            // and the catch-up goes on after a pause instead of waiting for the next call or poll.
            _services.Logger.LogWarning(ex, "Projection {Projection} failed a step at position {Position}; retrying in {Delay}", Partition, _cursor.Checkpoint, FailedStepRetry);
            _continue.In(FailedStepRetry);
        }
    }

    private async Task SaveSnapshotAsync()
    {
        var position = _cursor.Checkpoint;
        var started = Stopwatch.GetTimestamp();
        await FlushAsync();
        var saved = await _services.Codec.SaveAsync(ProjectionWakeList.KeyOf(Partition), SnapshotSchema, position, TakeSnapshot());
        _snapshotFinishedTimestamp = Stopwatch.GetTimestamp();
        _snapshotCost = Stopwatch.GetElapsedTime(started, _snapshotFinishedTimestamp);
        if (saved) (_snapshotAt, _sinceSnapshot, _snapshotSavedAt) = (position, 0, _services.Monitor.Now);
    }
}
