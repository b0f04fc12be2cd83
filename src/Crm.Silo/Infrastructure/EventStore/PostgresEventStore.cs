using System.Diagnostics.Metrics;
using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.EventStore.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// The cluster event store on PostgreSQL. Several silos may append at once; every write transaction takes one
/// transaction-scoped advisory lock before it reserves positions and holds it until it has committed (the server makes
/// a commit visible before it releases the transaction's locks). So positions are assigned and become visible in the
/// same increasing order even though identity values as such may commit out of order: when any position is visible,
/// every lower one that will ever exist is visible too, and a reader tailing by position never skips an event.
/// Group commit keeps that lock cheap: one holder per batch. Only the group committer inserts events.
/// </summary>
public sealed class PostgresEventStore : IEventStore, IAsyncDisposable
{
    /// <summary>Arbitrary constant shared by every silo: the key of the advisory lock that orders appends.</summary>
    internal const long AppendLockKey = 0x4372_6D45_7665_6E74; // "CrmEvent"

    private const string SelectColumns = "SELECT stream_id, version, position, event_id, type, data, actor, timestamp FROM events";

    private readonly NpgsqlDataSource dataSource;
    private readonly EventStoreMetrics metrics;
    private readonly GroupCommitter committer;
    private readonly CommitSignal signal = new();
    private readonly PostgresCommitListener listener;
    private readonly ILogger logger;
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

        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        metrics = new EventStoreMetrics("postgres", meterFactory);
        committer = new GroupCommitter(BeginAsync, options.MaxBatchAppends, metrics, signal, this.logger);
        listener = new PostgresCommitListener(options.ConnectionString, signal, GetHeadPositionAsync, this.logger);
    }

    public GroupCommitStatistics Statistics => committer.Statistics;

    /// <summary>Raised by this store's commits and, through LISTEN/NOTIFY, by every other silo's.</summary>
    public ICommitSignal CommitSignal => signal;

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

    public async Task<EventPage> ReadAsync(EventFilter filter, long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        FilteredReadQuery.Validate(filter, maxCount);
        await EnsureSchemaAsync().ConfigureAwait(false);
        var (sql, parameters) = FilteredReadQuery.Forward(filter, afterPosition, maxCount);
        await using var command = CreateCommand(sql, parameters);

        // One statement, one snapshot: the head it reports is the one the page was read up to, and by the append lock
        // every position up to that head is committed and visible.
        var events = new List<StoredEvent>();
        long head = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                head = reader.GetInt64(0);
                if (!reader.IsDBNull(1))
                {
                    events.Add(ReadEvent(reader, 1));
                }
            }
        }

        signal.Advance(head);
        return FilteredReadQuery.ToPage(events, head, afterPosition, maxCount);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadBackwardAsync(EventFilter filter, long beforePosition, int maxCount, CancellationToken cancellationToken = default)
    {
        FilteredReadQuery.Validate(filter, maxCount);
        await EnsureSchemaAsync().ConfigureAwait(false);
        var (sql, parameters) = FilteredReadQuery.Backward(filter, beforePosition, maxCount);
        await using var command = CreateCommand(sql, parameters);
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

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
        await listener.DisposeAsync().ConfigureAwait(false);
        await dataSource.DisposeAsync().ConfigureAwait(false);
        metrics.Dispose();
    }

    /// <summary>Migrates the schema once per store; a failed attempt (server down) is retried by the next caller.</summary>
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

    private Task CreateSchemaAsync() => PostgresSchema.MigrateAsync(dataSource, logger);

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
            result.Add(ReadEvent(reader, 0));
        }

        return result;
    }

    /// <summary>The event whose eight columns start at <paramref name="first"/>.</summary>
    private static StoredEvent ReadEvent(NpgsqlDataReader reader, int first) => new(
        reader.GetString(first),
        reader.GetInt64(first + 1),
        reader.GetInt64(first + 2),
        reader.GetGuid(first + 3),
        reader.GetString(first + 4),
        reader.GetString(first + 5),
        reader.GetString(first + 6),
        reader.GetFieldValue<DateTimeOffset>(first + 7));

    private NpgsqlCommand CreateCommand(string sql, List<KeyValuePair<string, object>> parameters)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value));
        }

        return command;
    }
}
