using System.Diagnostics.Metrics;
using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.EventStore.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// The single-node event store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a commit is on disk
/// when it returns. Appends go through the <see cref="GroupCommitter"/> on one writer connection; reads use
/// pooled connections of their own, which WAL lets run beside the writer.
/// </summary>
public sealed class SqliteEventStore : IEventStore, IAsyncDisposable
{
    private const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>
    /// WAL size (pages, about 40 MB) at which the writer checkpoints by itself. Under sustained writes the WAL can only
    /// restart from its beginning after such a checkpoint; by then the background checkpointer has copied nearly every
    /// frame, so it is cheap. In quieter times the background checkpoint completes and the WAL restarts on its own.
    /// </summary>
    private const int WriterCheckpointPages = 10_000;

    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(250);

    private const string SelectColumns = "SELECT stream_id, version, position, event_id, type, data, actor, timestamp FROM events";

    private readonly string writerConnectionString;
    private readonly string readerConnectionString;
    private readonly EventStoreMetrics metrics;
    private readonly GroupCommitter committer;
    private readonly ILogger logger;
    private readonly CommitSignal signal = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task checkpointer;

    // Touched only by the writer loop (one batch at a time), so it needs no lock.
    private SqliteConnection? writer;
    private int disposed;

    public SqliteEventStore(EventStoreOptions options, ILogger<SqliteEventStore>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        DatabasePath = options.SqliteDatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
            Pooling = true,
        };
        readerConnectionString = builder.ToString();

        // The writer lives as long as the store; a pooled one would keep the file open after disposal.
        builder.Pooling = false;
        writerConnectionString = builder.ToString();

        // Opened and migrated now, so a bad path, a locked file or a schema from a newer build fails the host at start,
        // not the first append.
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        writer = OpenWriter();
        try
        {
            SqliteSchema.Migrate(writer, DatabasePath, this.logger);
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        metrics = new EventStoreMetrics("sqlite", meterFactory);
        committer = new GroupCommitter(BeginAsync, options.MaxBatchAppends, metrics, signal, this.logger);
        checkpointer = Task.Run(RunCheckpointerAsync);
    }

    public string DatabasePath { get; }

    public GroupCommitStatistics Statistics => committer.Statistics;

    /// <summary>
    /// Raised by this store's commits, and by its reads when they see another process's. Another process sharing the
    /// file does not wake it by itself: readers keep a slow backstop poll.
    /// </summary>
    public ICommitSignal CommitSignal => signal;

    public Task<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default) =>
        committer.AppendAsync(streamId, expectedVersion, events, cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long afterVersion = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SelectColumns} WHERE stream_id = $stream AND version > $after ORDER BY version";
        command.Parameters.AddWithValue("$stream", streamId);
        command.Parameters.AddWithValue("$after", afterVersion);
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, string? streamPrefix = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // substr, not LIKE: LIKE is case-insensitive in SQLite and treats % and _ in the prefix as wildcards.
        var prefixFilter = string.IsNullOrEmpty(streamPrefix) ? string.Empty : " AND substr(stream_id, 1, length($prefix)) = $prefix";
        command.CommandText = $"{SelectColumns} WHERE position > $after{prefixFilter} ORDER BY position LIMIT $max";
        command.Parameters.AddWithValue("$after", afterPosition);
        command.Parameters.AddWithValue("$max", maxCount);
        if (!string.IsNullOrEmpty(streamPrefix))
        {
            command.Parameters.AddWithValue("$prefix", streamPrefix);
        }

        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EventPage> ReadAsync(EventFilter filter, long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        FilteredReadQuery.Validate(filter, maxCount);
        var (sql, parameters) = FilteredReadQuery.Forward(filter, afterPosition, maxCount);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, sql, parameters);

        // One statement, one snapshot: the head it reports is the one the page was read up to.
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
        var (sql, parameters) = FilteredReadQuery.Backward(filter, beforePosition, maxCount);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, sql, parameters);
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAllBackwardAsync(long beforePosition, int maxCount, string? streamPrefix = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // Walks the primary key down from beforePosition and stops after maxCount matches.
        var prefixFilter = string.IsNullOrEmpty(streamPrefix) ? string.Empty : " AND substr(stream_id, 1, length($prefix)) = $prefix";
        command.CommandText = $"{SelectColumns} WHERE position < $before{prefixFilter} ORDER BY position DESC LIMIT $max";
        command.Parameters.AddWithValue("$before", beforePosition);
        command.Parameters.AddWithValue("$max", maxCount);
        if (!string.IsNullOrEmpty(streamPrefix))
        {
            command.Parameters.AddWithValue("$prefix", streamPrefix);
        }

        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> GetHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(position), 0) FROM events";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        // The committer drains first: queued appends are committed on the writer before it closes.
        await committer.DisposeAsync().ConfigureAwait(false);
        await stopping.CancelAsync().ConfigureAwait(false);
        await checkpointer.ConfigureAwait(false);
        stopping.Dispose();
        writer?.Dispose();
        writer = null;
        using (var pooled = new SqliteConnection(readerConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        metrics.Dispose();
    }

    internal static long ToUnixMicroseconds(DateTimeOffset timestamp) => (timestamp.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    internal static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.Ticks + (microseconds * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(writerConnectionString);
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");

            // WAL is persistent in the file; synchronous is per connection and FULL makes every commit fsync the WAL.
            Execute(connection, "PRAGMA journal_mode = WAL");
            Execute(connection, "PRAGMA synchronous = FULL");

            // Checkpoints copy the WAL into the database file and fsync it. Left to the writer, one in every few
            // group commits would carry that cost; the background checkpointer takes it off the commit path.
            Execute(connection, $"PRAGMA wal_autocheckpoint = {WriterCheckpointPages}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Copies committed WAL frames into the database file a few times a second from its own connection. PASSIVE never
    /// blocks the writer or readers; a page rewritten by many commits in between is copied once.
    /// </summary>
    private async Task RunCheckpointerAsync()
    {
        using var timer = new PeriodicTimer(CheckpointInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false))
            {
                try
                {
                    await using var connection = await OpenReaderAsync(stopping.Token).ConfigureAwait(false);
                    Execute(connection, "PRAGMA wal_checkpoint(PASSIVE)");
                }
                catch (SqliteException exception)
                {
                    // Harmless: the writer's own checkpoint is the safety net; try again at the next tick.
                    logger.LogWarning(exception, "Background checkpoint of {Database} failed", DatabasePath);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private Task<IAppendTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        try
        {
            writer ??= OpenWriter();

            // IMMEDIATE takes the write lock now, so versions read inside the transaction stay true until commit,
            // even when other processes write to the same file.
            Execute(writer, "BEGIN IMMEDIATE");
            return Task.FromResult<IAppendTransaction>(new SqliteAppendTransaction(writer, DropWriter));
        }
        catch
        {
            DropWriter();
            throw;
        }
    }

    /// <summary>After an error the writer's state is unknown: reopen it for the next batch.</summary>
    private void DropWriter()
    {
        writer?.Dispose();
        writer = null;
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(readerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(SqliteCommand command, CancellationToken cancellationToken)
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
    private static StoredEvent ReadEvent(SqliteDataReader reader, int first) => new(
        reader.GetString(first),
        reader.GetInt64(first + 1),
        reader.GetInt64(first + 2),
        Guid.Parse(reader.GetString(first + 3)),
        reader.GetString(first + 4),
        reader.GetString(first + 5),
        reader.GetString(first + 6),
        FromUnixMicroseconds(reader.GetInt64(first + 7)));

    private static SqliteCommand CreateCommand(SqliteConnection connection, string sql, List<KeyValuePair<string, object>> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
