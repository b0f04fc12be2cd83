namespace Crm.Grains.Abstractions.Snapshots;

/// <summary>
/// Versioned snapshots kept beside the events (the <c>snapshots</c> table of the event store's database). Crm.Grains owns
/// the contract; Crm.Silo binds SQLite or PostgreSQL. A snapshot is only ever a shortcut: everything in it can be
/// rebuilt from the events, so a lost, corrupt or incompatible one costs time, never correctness.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>
    /// Saves <paramref name="snapshot"/> durably, replacing the one under its key unless that one reached further with the
    /// same schema version (a stale activation never moves a snapshot back).
    /// </summary>
    Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>The snapshot under <paramref name="key"/>, or null.</summary>
    Task<Snapshot?> LoadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the snapshot under <paramref name="key"/> (a corrupt one, once discarded).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every key starting with <paramref name="prefix"/>, in order: e.g. the projection partitions to keep running.</summary>
    Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken = default);
}
