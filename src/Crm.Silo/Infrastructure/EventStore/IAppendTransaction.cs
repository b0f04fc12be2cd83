using Crm.Grains.Abstractions.EventStore;

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
    /// Inserts <paramref name="events"/> at versions <paramref name="firstVersion"/>.. inside a savepoint and returns their positions,
    /// or null when a unique constraint refused them (a writer elsewhere got there first); the savepoint is then rolled back
    /// and the rest of the batch carries on.
    /// </summary>
    Task<long[]?> TryInsertAsync(string streamId, long firstVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken);

    /// <summary>Commits durably: returns only once the commit is on disk.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
