namespace Crm.Grains.Abstractions.EventStore;

/// <summary>
/// The append-only event log every grain's state is folded from. Crm.Grains owns this contract;
/// Crm.Silo binds SQLite (single node) or PostgreSQL (cluster).
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="events"/> to <paramref name="streamId"/> if the stream is at
    /// <paramref name="expectedVersion"/> (0 = the stream must not exist yet; <see cref="ExpectedVersion.Any"/> skips the check).
    /// Returns only once the events are durably committed. Concurrent appends may share one transaction
    /// (group commit); each caller is released when that transaction is durable.
    /// Idempotent by <see cref="EventData.EventId"/>: if every event of the batch is already stored in this
    /// stream, nothing is written and the original positions are returned with <see cref="AppendResult.Duplicate"/> set.
    /// Throws <see cref="WrongExpectedVersionException"/> when the stream moved on.
    /// </summary>
    Task<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default);

    /// <summary>Reads a stream in version order, starting after <paramref name="afterVersion"/> (0 = from the start).</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long afterVersion = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads every stream's events in global-position order after <paramref name="afterPosition"/>, at most
    /// <paramref name="maxCount"/>. When <paramref name="streamPrefix"/> is given, only streams whose id starts with it.
    /// Positions are committed in increasing order, so a reader that tails by position never skips an event.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, string? streamPrefix = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the events that match <paramref name="filter"/> in global-position order after <paramref name="afterPosition"/>,
    /// at most <paramref name="maxCount"/>, and says how far it looked (<see cref="EventPage.ReadUpTo"/>), so a reader whose
    /// filter matched nothing still advances. This is how projections read the store. Answered from the store's
    /// (category, position), (workspace, category, position), (workspace, position) and (type, position) indexes; one call
    /// looks across a bounded span of positions, so a page may be empty and short of the head (ReachedHead false): read on.
    /// Every event at or below ReadUpTo that will ever be committed was committed and visible to this read, so a reader
    /// that checkpoints ReadUpTo never skips one.
    /// </summary>
    Task<EventPage> ReadAsync(EventFilter filter, long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the events that match <paramref name="filter"/> newest first, before <paramref name="beforePosition"/>
    /// (<see cref="long.MaxValue"/> = from the head), at most <paramref name="maxCount"/>, from the same indexes as
    /// <see cref="ReadAsync"/>: a page of one workspace or category costs its own size, not the other rows in between.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadBackwardAsync(EventFilter filter, long beforePosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads every stream's events in descending global-position order before <paramref name="beforePosition"/>
    /// (<see cref="long.MaxValue"/> = from the head), at most <paramref name="maxCount"/>; with <paramref name="streamPrefix"/>,
    /// only streams whose id starts with it. For readers that page from the newest event back (the audit view): each page
    /// costs its own size, not the length of the log.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadAllBackwardAsync(long beforePosition, int maxCount, string? streamPrefix = null, CancellationToken cancellationToken = default);

    /// <summary>The highest committed global position (0 when empty). Also the readiness probe: throws when the store is unreachable.</summary>
    Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default);
}
