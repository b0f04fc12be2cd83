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

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
