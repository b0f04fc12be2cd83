namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// The few database primitives a group commit needs; each provider implements them, the
/// <see cref="GroupCommitter"/> owns every decision. Disposing without <see cref="CommitAsync"/> rolls back.
/// </summary>
internal interface IAppendTransaction : IAsyncDisposable
{
    /// <summary>Current versions of <paramref name="streamIds"/> (absent = no stream) and where any of <paramref name="eventIds"/> are stored.</summary>
    Task<AppendBatchState> ReadStateAsync(IReadOnlyCollection<string> streamIds, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the writes in order, each inside its own savepoint, as few round trips as the provider allows. Stops at the
    /// first write a unique constraint refuses (a writer elsewhere got there first), rolls that one back to its savepoint
    /// and reports it; the transaction stays usable, so the rest of the batch carries on.
    /// </summary>
    Task<InsertResult> InsertAsync(IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken);

    /// <summary>Commits durably: returns only once the commit is on disk.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
