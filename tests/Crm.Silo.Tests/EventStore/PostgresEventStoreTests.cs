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

    protected override bool SignalsOtherProcesses => true;

    protected override EventStoreOptions Options => new() { Provider = EventStoreProvider.Postgres, ConnectionString = connectionString };

    protected override string SchemaVersionTimeType => "timestamptz";

    // The schema of the build before versioned migrations, as PostgresEventStore created it.
    protected override string UnversionedSchemaSql => """
        CREATE TABLE IF NOT EXISTS events (
            position  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            stream_id text        NOT NULL,
            version   bigint      NOT NULL,
            event_id  uuid        NOT NULL UNIQUE,
            type      text        NOT NULL,
            data      text        NOT NULL,
            actor     text        NOT NULL,
            timestamp timestamptz NOT NULL,
            prev_hash text,
            hash      text,
            UNIQUE (stream_id, version)
        );
        CREATE TABLE IF NOT EXISTS audit_heads (
            workspace text   PRIMARY KEY,
            position  bigint NOT NULL,
            hash      text   NOT NULL
        );
        """;

    protected override string AfterLegacyInsertsSql => "SELECT setval(pg_get_serial_sequence('events', 'position'), (SELECT max(position) FROM events))";

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

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
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
        "INSERT INTO events (position, stream_id, version, event_id, type, data, actor, timestamp, prev_hash, hash) OVERRIDING SYSTEM VALUE " +
        $"VALUES ({position}, '{streamId}', {version}, '{eventId:D}', '{type}', '{{}}', 'agent:7', " +
        $"timestamptz 'epoch' + interval '{timestampMicroseconds} microseconds', '{prevHash}', '{hash}')";

    protected override string RecordSchemaVersionSql(int version) => $"INSERT INTO schema_version (version, applied_at) VALUES ({version}, now())";

    protected override async Task CreateStorageAsync() => connectionString = await server.CreateDatabaseAsync();

    protected override IEventStore OpenStore() =>
        new PostgresEventStore(new EventStoreOptions { Provider = EventStoreProvider.Postgres, ConnectionString = connectionString });

    // The database dies with the server when the collection ends.
    protected override Task DeleteStorageAsync() => Task.CompletedTask;
}
