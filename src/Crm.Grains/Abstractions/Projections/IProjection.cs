using Crm.Grains.Abstractions.EventStore;

namespace Crm.Grains.Abstractions.Projections;

/// <summary>
/// A projection that lives outside the grains (the search indexer, the embeddings indexer): it declares its name and its
/// filter, and the one projection runner (<c>Crm.Grains.Projections.ProjectionRunner</c>, hosted per silo by
/// <c>ProjectionHost</c>) feeds it the matching events in global-position order, bounded batches at a time, woken by
/// commits (<see cref="ICommitSignal"/>) with a slow backstop poll. Register one with
/// <c>services.AddCrmProjection&lt;TProjection&gt;()</c>.
/// <para>
/// Checkpoint. When the projection keeps its own writes (an index), it commits the position it has handled up to
/// together with those writes, and returns it from <see cref="ReadOwnCheckpointAsync"/>: the runner then resumes exactly
/// there after a restart or a crash, so nothing is lost and nothing is applied twice. When it returns null, the runner
/// keeps the checkpoint itself (in the store's snapshots table, after each batch is handled); a crash between a batch and
/// that save hands the batch again, so <see cref="HandleAsync"/> must then be idempotent.
/// </para>
/// <para>
/// Faults. When <see cref="HandleAsync"/> throws, the runner hands the batch again one event at a time to find the event
/// that fails (a poison event); the events before it are handled and checkpointed, and the projection stops at that
/// event: logged, counted (<c>crm.projections.failures</c>) and shown in <c>/health/ready</c> as degraded with the
/// projection's name and the position. It retries with a backoff (up to a minute) and carries on once the cause is
/// fixed; it never skips the event.
/// </para>
/// </summary>
public interface IProjection
{
    /// <summary>Stable and unique in the cluster (e.g. "search"): names the checkpoint, the metrics and the health entry.</summary>
    string Name { get; }

    /// <summary>The events it wants; the store answers from its (workspace, category) index. Empty lists mean "any".</summary>
    EventFilter Filter { get; }

    /// <summary>
    /// The position this projection committed with its own writes (what it has handled up to), or null when it keeps no
    /// checkpoint of its own and the runner should keep one. Read once per start of the runner.
    /// </summary>
    Task<long?> ReadOwnCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Handles <paramref name="batch"/> (the matching events after the checkpoint, in position order; possibly empty) and,
    /// for a projection with its own checkpoint, commits <paramref name="readUpTo"/> as that checkpoint together with the
    /// writes. <paramref name="readUpTo"/> is at least the last event's position and may be further: the store looked
    /// that far and nothing else matched, so the checkpoint moves on even when the filter matched nothing. An empty
    /// batch is handed only when the checkpoint would move (a projection with its own checkpoint may just record it).
    /// </summary>
    Task HandleAsync(IReadOnlyList<StoredEvent> batch, long readUpTo, CancellationToken cancellationToken);

    /// <summary>
    /// The shortest time between two reads once caught up: commits that arrive meanwhile are handled as one batch. Zero
    /// (the default) reads after every commit; a projection whose cost per batch does not shrink with the batch (a
    /// document rewritten per change, an index refresh) sets it, trading that much lag for one write per burst.
    /// </summary>
    TimeSpan Pace => TimeSpan.Zero;
}
