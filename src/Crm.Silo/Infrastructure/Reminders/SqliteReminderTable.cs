using System.Data.Common;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Infrastructure.Reminders;

/// <summary>
/// Reminders in the event store's SQLite file (<c>{Crm:DataPath}/events.db</c>), on a connection of their own.
/// Reminder traffic is a few statements per registration and one range read per refresh, so one connection, used
/// by one statement at a time, is plenty; it is unpooled so that disposing the table really closes the file.
/// </summary>
public sealed class SqliteReminderTable : DbReminderTable
{
    // As long as the event store's: a reminder write waits out a long group commit instead of failing.
    private const int BusyTimeoutMilliseconds = 30_000;

    private readonly string connectionString;
    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? connection;
    private bool disposed;

    public SqliteReminderTable(EventStoreOptions options, string serviceId)
        : base(serviceId)
    {
        ArgumentNullException.ThrowIfNull(options);
        DatabasePath = options.SqliteDatabasePath;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
            Pooling = false,
        }.ToString();
    }

    public string DatabasePath { get; }

    public override async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            disposed = true;
            connection?.Dispose();
            connection = null;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override Task CreateSchemaAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async (open, token) =>
            {
                await using var command = open.CreateCommand();
                command.CommandText = Schema;
                return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    protected override async Task<T> WithConnectionAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // One statement at a time: a SqliteConnection is not safe for concurrent use.
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            connection ??= Open();
            return await work(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // The connection's state is unknown after an error (a busy timeout, a full disk): reopen it next time.
            connection?.Dispose();
            connection = null;
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    private SqliteConnection Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var opened = new SqliteConnection(connectionString);
        try
        {
            opened.Open();
            Execute(opened, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");

            // WAL is a property of the file (the event store sets it too; whoever opens first wins, the other is a no-op),
            // so readers never block the store's writer. synchronous is per connection: FULL fsyncs the WAL on every
            // commit, so a reminder acknowledged to a grain survives a power cut, not only a process crash.
            Execute(opened, "PRAGMA journal_mode = WAL");
            Execute(opened, "PRAGMA synchronous = FULL");
            return opened;
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection open, string sql)
    {
        using var command = open.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
