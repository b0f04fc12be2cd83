using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Testing.Servers;
using Npgsql;
using Xunit;

namespace Crm.Silo.Tests.EventStore;

/// <summary>The contract on a real PostgreSQL server, each test in a fresh database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEventStoreTests(PostgresServer server) : EventStoreContractTests
{
    private string? connectionString;

    protected override GroupCommitStatistics Statistics => ((PostgresEventStore)Store).Statistics;

    [Fact]
    public async Task AppendAsync_WriterOutsideTheLockGetsThereFirst_OnlyThatAppendFailsAndTheRestCommit()
    {
        await Store.GetHeadPositionAsync();

        // A writer that skips the advisory lock holds stream "x" version 1, uncommitted: the store cannot see it,
        // decides to write version 1 too, and its insert waits on the unique index until the other side commits.
        await using var outsider = new NpgsqlConnection(connectionString);
        await outsider.OpenAsync();
        await using var outsiderTransaction = await outsider.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO events (stream_id, version, event_id, type, data, actor, timestamp) VALUES ('ws1/x', 1, gen_random_uuid(), 'T', '{}', 'outsider', now())",
            outsider,
            outsiderTransaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var before = Store.AppendAsync("ws1/before", ExpectedVersion.NoStream, [NewEvent()]);
        var conflicting = Store.AppendAsync("ws1/x", ExpectedVersion.NoStream, [NewEvent(), NewEvent()]);
        var after = Store.AppendAsync("ws1/after", ExpectedVersion.NoStream, [NewEvent()]);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await outsiderTransaction.CommitAsync();

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => conflicting);
        Assert.Equal(1, error.Actual);
        Assert.Equal(1, (await before).NextExpectedVersion);
        Assert.Equal(1, (await after).NextExpectedVersion);
        Assert.Equal(["outsider"], (await Store.ReadStreamAsync("ws1/x")).Select(e => e.Actor));
    }

    protected override async Task CreateStorageAsync() => connectionString = await server.CreateDatabaseAsync();

    protected override IEventStore OpenStore() =>
        new PostgresEventStore(new EventStoreOptions { Provider = EventStoreProvider.Postgres, ConnectionString = connectionString });

    // The database dies with the server when the collection ends.
    protected override Task DeleteStorageAsync() => Task.CompletedTask;
}
