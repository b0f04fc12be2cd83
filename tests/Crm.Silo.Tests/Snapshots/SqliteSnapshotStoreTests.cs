using Crm.Grains.Abstractions.Snapshots;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Snapshots;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Tests.Snapshots;

/// <summary>The contract on SQLite, in a fresh data folder per test.</summary>
public sealed class SqliteSnapshotStoreTests : SnapshotStoreContractTests, IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), $"crm-snapshots-{Guid.NewGuid():n}");

    protected override Task<ISnapshotStore> CreateStoreAsync() =>
        Task.FromResult<ISnapshotStore>(new SqliteSnapshotStore(new EventStoreOptions { DataPath = dataPath }));

    public void Dispose()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataPath)) Directory.Delete(dataPath, recursive: true);
    }
}
