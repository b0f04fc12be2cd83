using System.Diagnostics.Metrics;
using Crm.Grains.Abstractions.EventStore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// The cluster event store on PostgreSQL. Several silos may append at once; every write transaction takes one
/// transaction-scoped advisory lock, so positions are assigned and become visible in the same increasing order and a
/// reader tailing by position never skips an event. Group commit keeps that lock cheap: one holder per batch.
/// </summary>
public sealed class PostgresEventStore : IEventStore, IAsyncDisposable
{
    /// <summary>Arbitrary constant shared by every silo: the key of the advisory lock that orders appends.</summary>
    internal const long AppendLockKey = 0x4372_6D45_7665_6E74; // "CrmEvent"

    private const string Schema = """
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
        -- A database created before the audit chain: its old rows keep a null hash (written before the chain).
        -- Checked first, because ALTER TABLE locks out readers even when there is nothing to add.
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                           WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'hash') THEN
                ALTER TABLE events ADD COLUMN prev_hash text, ADD COLUMN hash text;
            END IF;
        END $$;
        CREATE TABLE IF NOT EXISTS audit_heads (
            workspace text   PRIMARY KEY,
            position  bigint NOT NULL,
            hash      text   NOT NULL
        );
        """;

    private const string SelectColumns = "SELECT stream_id, version, position, event_id, type, data, actor, timestamp FROM events";

    private readonly NpgsqlDataSource dataSource;
    private readonly EventStoreMetrics metrics;
    private readonly GroupCommitter committer;
    private readonly Lock schemaGate = new();
    private Task? schemaCreated;
    private int disposed;

    public PostgresEventStore(EventStoreOptions options, ILogger<PostgresEventStore>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException(
                $"The PostgreSQL event store needs ConnectionStrings:{EventStoreOptions.ConnectionStringName}.", nameof(options));
        }

        dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        metrics = new EventStoreMetrics("postgres", meterFactory);
        committer = new GroupCommitter(BeginAsync, options.MaxBatchAppends, metrics, (ILogger?)logger ?? NullLogger.Instance);
    }

    public GroupCommitStatistics Statistics => committer.Statistics;

    public Task<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default) =>
        committer.AppendAsync(streamId, expectedVersion, events, cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long afterVersion = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await EnsureSchemaAsync().ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"{SelectColumns} WHERE stream_id = $1 AND version > $2 ORDER BY version");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterVersion });
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, string? streamPrefix = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        await EnsureSchemaAsync().ConfigureAwait(false);
        var prefixFilter = string.IsNullOrEmpty(streamPrefix) ? string.Empty : " AND starts_with(stream_id, $3)";
        await using var command = dataSource.CreateCommand($"{SelectColumns} WHERE position > $1{prefixFilter} ORDER BY position LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterPosition });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        if (!string.IsNullOrEmpty(streamPrefix))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamPrefix });
        }

        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public Task<EventPage> ReadAsync(EventFilter filter, long afterPosition, int maxCount, CancellationToken cancellationToken = default) =>
        ScanningFilteredRead.ReadAsync(this, filter, afterPosition, maxCount, cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ReadAllBackwardAsync(long beforePosition, int maxCount, string? streamPrefix = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        await EnsureSchemaAsync().ConfigureAwait(false);

        // A backward scan of the primary key from beforePosition that stops after maxCount matches.
        var prefixFilter = string.IsNullOrEmpty(streamPrefix) ? string.Empty : " AND starts_with(stream_id, $3)";
        await using var command = dataSource.CreateCommand($"{SelectColumns} WHERE position < $1{prefixFilter} ORDER BY position DESC LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = beforePosition });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        if (!string.IsNullOrEmpty(streamPrefix))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamPrefix });
        }

        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync().ConfigureAwait(false);
        await using var command = dataSource.CreateCommand("SELECT coalesce(max(position), 0) FROM events");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        // The committer drains first: queued appends are committed before the connections close.
        await committer.DisposeAsync().ConfigureAwait(false);
        await dataSource.DisposeAsync().ConfigureAwait(false);
        metrics.Dispose();
    }

    /// <summary>Creates the table once per store; a failed attempt (server down) is retried by the next caller.</summary>
    private Task EnsureSchemaAsync()
    {
        lock (schemaGate)
        {
            if (schemaCreated is null || schemaCreated.IsFaulted || schemaCreated.IsCanceled)
            {
                schemaCreated = CreateSchemaAsync();
            }

            return schemaCreated;
        }
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);

        // Silos starting together would otherwise race on CREATE TABLE IF NOT EXISTS (it is not atomic in PostgreSQL).
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AppendLockKey}); {Schema}", connection, transaction))
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
    }

    private async Task<IAppendTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync().ConfigureAwait(false);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // Held until commit: the next batch, from any silo, takes its positions only after ours are visible.
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AppendLockKey})", connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new PostgresAppendTransaction(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var result = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredEvent(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetGuid(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return result;
    }
}
