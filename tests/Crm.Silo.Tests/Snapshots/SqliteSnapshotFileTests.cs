using System.Buffers;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Snapshots;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Snapshots;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Crm.Silo.Tests.Snapshots;

/// <summary>
/// Snapshots live in their own file: saving a large one never holds up an append (SQLite has one writer per file), and
/// a data folder from before, with its snapshots in events.db, keeps them.
/// </summary>
public sealed class SqliteSnapshotFileTests : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), $"crm-snapshot-file-{Guid.NewGuid():n}");

    private EventStoreOptions Options => new() { DataPath = dataPath };

    [Fact]
    public async Task SaveAsync_WhileASnapshotWriteHoldsItsFile_AnAppendStillCommits()
    {
        await using var events = new SqliteEventStore(Options);
        var snapshots = new SqliteSnapshotStore(Options);
        await snapshots.SaveAsync(new Snapshot("projection/directory/w1", 1, 10, [1, 2, 3]));
        // A save in progress: its transaction holds the snapshots file's write lock for as long as it writes.
        await using var saving = new SqliteConnection($"Data Source={Options.SqliteSnapshotsPath};Pooling=False");
        await saving.OpenAsync();
        await ExecuteAsync(saving, "BEGIN IMMEDIATE; UPDATE snapshots SET position = 11;");

        var append = events.AppendAsync("w1/customer/c1", ExpectedVersion.NoStream,
            [new EventData(Guid.NewGuid(), "CustomerUpserted", "{}", "agent:test", DateTimeOffset.UnixEpoch)]);

        // Sharing the events' file, the append waited out the busy timeout (30 s) behind the save.
        var result = await append.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, result.NextExpectedVersion);
        await ExecuteAsync(saving, "ROLLBACK");
    }

    [Fact]
    public async Task LoadAsync_SnapshotsSavedInEventsDbBeforeTheyHadAFile_AreMovedOverAndTheOldTableDropped()
    {
        // The table as the build before kept it in events.db.
        await OldTableAsync(Options.SqliteDatabasePath, "INSERT INTO snapshots (key, schema_version, position, data, saved_at) VALUES ('projection/inbox/w1', 2, 42, x'0102', 0);");

        var store = new SqliteSnapshotStore(Options);
        var moved = await store.LoadAsync("projection/inbox/w1");

        Assert.NotNull(moved);
        Assert.Equal((2, 42L), (moved.SchemaVersion, moved.Position));
        Assert.Equal([1, 2], moved.Data.ToArray());
        await using var check = new SqliteConnection($"Data Source={Options.SqliteDatabasePath};Pooling=False");
        await check.OpenAsync();
        await using var command = check.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'snapshots'";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task LoadAsync_SnapshotsFileFromBeforeTheDataWentLast_KeepsItsSnapshotsAndSavesIntoTheRebuiltTable()
    {
        // The table as the build before kept it in snapshots.db: the data in the middle of the row.
        await OldTableAsync(Options.SqliteSnapshotsPath, "INSERT INTO snapshots (key, schema_version, position, data, saved_at) VALUES ('projection/directory/w1', 1, 7, x'0A0B0C', 0);");

        var store = new SqliteSnapshotStore(Options);
        var kept = await store.LoadAsync("projection/directory/w1");
        await store.SaveAsync(new Snapshot("projection/directory/w2", 1, 8, [4, 5]));

        Assert.Equal((1, 7L), (kept!.SchemaVersion, kept.Position));
        Assert.Equal([10, 11, 12], kept.Data.ToArray());
        Assert.Equal([4, 5], (await store.LoadAsync("projection/directory/w2"))!.Data.ToArray());
        await using var check = new SqliteConnection($"Data Source={Options.SqliteSnapshotsPath};Pooling=False");
        await check.OpenAsync();
        await using var command = check.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('snapshots') ORDER BY cid DESC LIMIT 1";
        Assert.Equal("data", await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataPath)) Directory.Delete(dataPath, recursive: true);
    }

    /// <summary>The snapshots table as the builds before this one created it (data before saved_at), with <paramref name="rows"/> in it.</summary>
    private async Task OldTableAsync(string path, string rows)
    {
        Directory.CreateDirectory(dataPath);
        await using var old = new SqliteConnection($"Data Source={path};Pooling=False");
        await old.OpenAsync();
        await ExecuteAsync(old, """
            CREATE TABLE snapshots (key TEXT PRIMARY KEY, schema_version INTEGER NOT NULL, position INTEGER NOT NULL,
                data BLOB NOT NULL, saved_at INTEGER NOT NULL);
            """ + rows);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
