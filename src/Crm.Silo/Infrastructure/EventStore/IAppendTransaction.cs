using Crm.Silo.Infrastructure.Audit;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// The few database primitives a group commit needs; each provider implements them, the
/// <see cref="GroupCommitter"/> owns every decision. Disposing without <see cref="CommitAsync"/> rolls back.
/// </summary>
internal interface IAppendTransaction : IAsyncDisposable
{
    /// <summary>
    /// Current versions of <paramref name="streamIds"/> (absent = no stream), where any of <paramref name="eventIds"/> are
    /// stored, and the recorded audit-chain head of each of <paramref name="workspaces"/> (absent = chain not begun).
    /// </summary>
    Task<AppendBatchState> ReadStateAsync(
        IReadOnlyCollection<string> streamIds,
        IReadOnlyCollection<Guid> eventIds,
        IReadOnlyCollection<string> workspaces,
        CancellationToken cancellationToken);

    /// <summary>
    /// Reserves <paramref name="count"/> increasing positions, all above every committed one. Positions must be known
    /// before the insert because each event's audit hash covers its position. Unused ones may become gaps.
    /// </summary>
    Task<long[]> ReservePositionsAsync(int count, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the writes in order at their planned positions, each inside its own savepoint, as few round trips as the
    /// provider allows. Stops at the first write a unique constraint refuses (a writer elsewhere got there first), rolls
    /// that one back to its savepoint and reports it; the transaction stays usable, so the rest of the batch carries on.
    /// </summary>
    Task<InsertResult> InsertAsync(IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken);

    /// <summary>
    /// Records the new head of each workspace chain this transaction extended, and announces <paramref name="logHead"/>
    /// (the highest position it wrote) to other processes when it commits, where the provider can (PostgreSQL NOTIFY).
    /// </summary>
    Task SaveHeadsAsync(IReadOnlyCollection<AuditChainHead> chainHeads, long logHead, CancellationToken cancellationToken);

    /// <summary>Commits durably: returns only once the commit is on disk.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
