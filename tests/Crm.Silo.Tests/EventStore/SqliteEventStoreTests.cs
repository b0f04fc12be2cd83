using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Crm.Silo.Tests.EventStore;

/// <summary>The contract on SQLite, each test in its own temp folder.</summary>
public sealed class SqliteEventStoreTests : EventStoreContractTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crm-eventstore-{Guid.NewGuid():N}");

    protected override GroupCommitStatistics Statistics => ((SqliteEventStore)Store).Statistics;

    protected override bool SignalsOtherProcesses => false;

    protected override EventStoreOptions Options => new() { DataPath = folder };

    protected override string SchemaVersionTimeType => "INTEGER";

    // The schema of the build before versioned migrations, as SqliteEventStore created it.
    protected override string UnversionedSchemaSql => """
        CREATE TABLE IF NOT EXISTS events (
            position  INTEGER PRIMARY KEY AUTOINCREMENT,
            stream_id TEXT    NOT NULL,
            version   INTEGER NOT NULL,
            event_id  TEXT    NOT NULL UNIQUE,
            type      TEXT    NOT NULL,
            data      TEXT    NOT NULL,
            actor     TEXT    NOT NULL,
            timestamp INTEGER NOT NULL,
            prev_hash TEXT,
            hash      TEXT,
            UNIQUE (stream_id, version)
        );
        CREATE TABLE IF NOT EXISTS audit_heads (
            workspace TEXT    PRIMARY KEY,
            position  INTEGER NOT NULL,
            hash      TEXT    NOT NULL
        );
        """;

    private string DatabasePath => Path.Combine(folder, EventStoreOptions.SqliteFileName);

    [Fact]
    public void Constructor_DataPath_CreatesEventsDbInThatFolderInWalMode()
    {
        var path = ((SqliteEventStore)Store).DatabasePath;

        Assert.Equal(Path.Combine(folder, "events.db"), path);
        Assert.True(File.Exists(path));
        Assert.True(File.Exists(path + "-wal"), "WAL mode keeps a -wal file beside the database");
    }

    [Fact]
    public async Task AppendAsync_CancelledWhileQueuedVersusInBatch_CancelsOnlyTheQueuedOne()
    {
        // Another connection (as another process would) holds the write lock, so the writer loop stalls inside its batch.
        await using var otherProcess = new SqliteConnection($"Data Source={((SqliteEventStore)Store).DatabasePath};Pooling=False");
        await otherProcess.OpenAsync();
        await ExecuteAsync(otherProcess, "BEGIN IMMEDIATE");
        using var inBatchToken = new CancellationTokenSource();
        using var queuedToken = new CancellationTokenSource();

        var inBatch = Store.AppendAsync("ws1/cancel/in-batch", ExpectedVersion.NoStream, [NewEvent()], inBatchToken.Token);

        // Ample time for the idle writer loop to take it. Were it not taken, it would be cancelled below and the test would fail, not pass.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var queued = Store.AppendAsync("ws1/cancel/queued", ExpectedVersion.NoStream, [NewEvent()], queuedToken.Token);
        await inBatchToken.CancelAsync();
        await queuedToken.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.False(inBatch.IsCompleted, "an append already in a batch waits for its commit");
        await ExecuteAsync(otherProcess, "ROLLBACK");
        Assert.Equal(1, (await inBatch).NextExpectedVersion);
        Assert.Empty(await Store.ReadStreamAsync("ws1/cancel/queued"));
    }

    protected override Task CreateStorageAsync() => Task.CompletedTask;

    protected override IEventStore OpenStore() => new SqliteEventStore(new EventStoreOptions { DataPath = folder });

    protected override Task DeleteStorageAsync()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReadAsync_FilteredReads_AnsweredFromTheIndexesNotAScan()
    {
        await Store.GetHeadPositionAsync();

        // The plans of the forward and backward reads a projection and the audit view make.
        var plans = new Dictionary<string, string>
        {
            ["category"] = await PlanAsync(EventFilter.ForCategories(null, "conversation")),
            ["workspace+category"] = await PlanAsync(EventFilter.ForCategories("acme", "conversation")),
            ["workspace"] = await PlanAsync(new EventFilter([], [], "acme")),
            ["type"] = await PlanAsync(new EventFilter([], ["MessagePosted"])),
        };

        Assert.Contains("events_by_category", plans["category"]);
        Assert.Contains("events_by_workspace_category", plans["workspace+category"]);
        Assert.Contains("events_by_workspace ", plans["workspace"] + " ");
        Assert.Contains("events_by_type", plans["type"]);
        Assert.All(plans.Values, plan => Assert.DoesNotContain("SCAN events", plan));
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        Directory.CreateDirectory(folder);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    protected override async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    protected override string LegacyInsertSql(long position, string streamId, long version, Guid eventId, string type, long timestampMicroseconds, string prevHash, string hash) =>
        "INSERT INTO events (position, stream_id, version, event_id, type, data, actor, timestamp, prev_hash, hash) " +
        $"VALUES ({position}, '{streamId}', {version}, '{eventId:D}', '{type}', '{{}}', 'agent:7', {timestampMicroseconds}, '{prevHash}', '{hash}')";

    protected override string RecordSchemaVersionSql(int version) => $"INSERT INTO schema_version (version, applied_at) VALUES ({version}, 0)";

    private async Task<string> PlanAsync(EventFilter filter)
    {
        var (forwardSql, forwardParameters) = FilteredReadQuery.Forward(filter, 0, 100);
        var (backwardSql, backwardParameters) = FilteredReadQuery.Backward(filter, long.MaxValue, 100);
        return await ExplainAsync(forwardSql, forwardParameters) + "\n" + await ExplainAsync(backwardSql, backwardParameters);
    }

    private async Task<string> ExplainAsync(string sql, List<KeyValuePair<string, object>> parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join("\n", lines);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
