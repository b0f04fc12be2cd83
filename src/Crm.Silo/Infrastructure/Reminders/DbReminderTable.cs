using System.Data.Common;
using Orleans.Runtime;

namespace Crm.Silo.Infrastructure.Reminders;

/// <summary>
/// Orleans' reminder table over one SQL table, <c>reminders</c>, beside the events. The statements are the same on
/// SQLite and PostgreSQL (both take <c>@name</c> parameters and <c>INSERT … ON CONFLICT … DO UPDATE</c>); a provider
/// supplies only connections and the schema. Every statement is one autocommitted row operation, so each is atomic
/// and durable on its own and no transaction is held across calls.
/// </summary>
public abstract class DbReminderTable : IReminderTable, IAsyncDisposable
{
    /// <summary>
    /// Portable DDL: SQLite gives BIGINT integer affinity, so a grain hash (a uint) and tick counts fit in both.
    /// The range index serves <see cref="ReadRows(uint, uint)"/>, which every silo runs for its share of the ring.
    /// </summary>
    protected const string Schema = """
        CREATE TABLE IF NOT EXISTS reminders (
            service_id    TEXT   NOT NULL,
            grain_id      TEXT   NOT NULL,
            reminder_name TEXT   NOT NULL,
            grain_hash    BIGINT NOT NULL,
            start_time    BIGINT NOT NULL,
            period        BIGINT NOT NULL,
            etag          TEXT   NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash);
        """;

    private const string SelectColumns = "SELECT grain_id, reminder_name, start_time, period, etag FROM reminders";

    // The etag is written on every upsert, never checked: Orleans' contract is last writer wins on upsert.
    private const string UpsertSql = """
        INSERT INTO reminders (service_id, grain_id, reminder_name, grain_hash, start_time, period, etag)
        VALUES (@service, @grain, @name, @hash, @start, @period, @etag)
        ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
            grain_hash = excluded.grain_hash,
            start_time = excluded.start_time,
            period     = excluded.period,
            etag       = excluded.etag
        """;

    private readonly Lock startGate = new();
    private Task? started;

    protected DbReminderTable(string serviceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ServiceId = serviceId;
    }

    /// <summary>Orleans' service id: every row carries it, so services sharing one database never see each other's reminders.</summary>
    public string ServiceId { get; }

    public Task Init() => EnsureStartedAsync();

    public Task StartAsync(CancellationToken cancellationToken = default) => EnsureStartedAsync();

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync(
            $"{SelectColumns} WHERE service_id = @service AND grain_id = @grain",
            command => AddParameter(command, "@grain", grainId.ToString()),
            cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>
    /// Rows whose grain hash lies in the ring range (begin, end]. When begin is at or past end the range wraps through
    /// zero: above begin or at most end, which for begin == end is the whole ring (a lone silo owns it all).
    /// This is the same split Orleans' ADO.NET table makes.
    /// </summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        var filter = begin < end
            ? "grain_hash > @begin AND grain_hash <= @end"
            : "(grain_hash > @begin OR grain_hash <= @end)";
        return QueryAsync(
            $"{SelectColumns} WHERE service_id = @service AND {filter}",
            command =>
            {
                AddParameter(command, "@begin", (long)begin);
                AddParameter(command, "@end", (long)end);
            },
            cancellationToken);
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <summary>The row, or null when there is none: the reminder service takes null as "not registered".</summary>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        var rows = await QueryAsync(
            $"{SelectColumns} WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name",
            command =>
            {
                AddParameter(command, "@grain", grainId.ToString());
                AddParameter(command, "@name", reminderName);
            },
            cancellationToken).ConfigureAwait(false);
        return rows.Reminders.Count == 0 ? null : rows.Reminders[0];
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>
    /// Writes the row and returns its new etag. The etag is a fresh GUID, never a counter: a row removed and then
    /// registered again never gets back an etag that a stale caller still holds, so that caller cannot remove it.
    /// </summary>
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.ReminderName);
        var etag = Guid.NewGuid().ToString("N");
        await ExecuteAsync(
            UpsertSql,
            command =>
            {
                AddParameter(command, "@grain", entry.GrainId.ToString());
                AddParameter(command, "@name", entry.ReminderName);
                AddParameter(command, "@hash", (long)entry.GrainId.GetUniformHashCode());
                AddParameter(command, "@start", ToUtcTicks(entry.StartAt));
                AddParameter(command, "@period", entry.Period.Ticks);
                AddParameter(command, "@etag", etag);
            },
            cancellationToken).ConfigureAwait(false);
        return etag;
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <summary>Removes the row only while it still carries <paramref name="eTag"/>; false when it is gone or was rewritten.</summary>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        ArgumentNullException.ThrowIfNull(eTag);
        var removed = await ExecuteAsync(
            "DELETE FROM reminders WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name AND etag = @etag",
            command =>
            {
                AddParameter(command, "@grain", grainId.ToString());
                AddParameter(command, "@name", reminderName);
                AddParameter(command, "@etag", eTag);
            },
            cancellationToken).ConfigureAwait(false);
        return removed > 0;
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Clears this service's rows only; other services in the same database keep theirs.</summary>
    public Task TestOnlyClearTable(CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM reminders WHERE service_id = @service", _ => { }, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public abstract ValueTask DisposeAsync();

    /// <summary>Creates the table and index if missing. Runs once per instance, before the first statement.</summary>
    protected abstract Task CreateSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> on an open connection that the provider owns and cleans up.</summary>
    protected abstract Task<T> WithConnectionAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Orleans computes reminder ticks from UTC. A local time is converted; an unspecified one is taken as UTC, as
    /// Orleans' own tables do, rather than shifted by this machine's time zone.
    /// </summary>
    private static long ToUtcTicks(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime().Ticks : time.Ticks;

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Starts schema creation once; a failed attempt is forgotten so the next call (Orleans retries its initial load)
    /// tries again instead of failing forever.
    /// </summary>
    private Task EnsureStartedAsync()
    {
        lock (startGate)
        {
            if (started is null || started.IsFaulted || started.IsCanceled)
            {
                // Shared by every caller, so no one caller's token may cancel it.
                started = CreateSchemaAsync(CancellationToken.None);
            }

            return started;
        }
    }

    private async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await EnsureStartedAsync().ConfigureAwait(false);
        return await WithConnectionAsync(
            async (connection, token) =>
            {
                await using var command = CreateCommand(connection, sql, bind);
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReminderTableData> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await EnsureStartedAsync().ConfigureAwait(false);
        var entries = await WithConnectionAsync(
            async (connection, token) =>
            {
                await using var command = CreateCommand(connection, sql, bind);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var result = new List<ReminderEntry>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    result.Add(new ReminderEntry
                    {
                        GrainId = GrainId.Parse(reader.GetString(0)),
                        ReminderName = reader.GetString(1),
                        StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                        Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                        ETag = reader.GetString(4),
                    });
                }

                return result;
            },
            cancellationToken).ConfigureAwait(false);
        return new ReminderTableData(entries);
    }

    private DbCommand CreateCommand(DbConnection connection, string sql, Action<DbCommand> bind)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameter(command, "@service", ServiceId);
        bind(command);
        return command;
    }
}
