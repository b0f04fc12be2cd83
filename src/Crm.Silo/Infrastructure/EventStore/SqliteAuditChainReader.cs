using System.Data.Common;
using Crm.Silo.Infrastructure.Audit;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// Reads the audit chain from a SQLite event file. Opens it read-write without create, so a wrong path fails instead
/// of leaving an empty database behind; it only ever reads.
/// </summary>
public sealed class SqliteAuditChainReader : DbAuditChainReader
{
    private SqliteAuditChainReader(SqliteConnection connection)
        : base(connection)
    {
    }

    public static async Task<SqliteAuditChainReader> OpenAsync(string databasePath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"No event store at {databasePath}.", databasePath);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            SqliteEventStore.Execute(connection, "PRAGMA busy_timeout = 30000");
            if (!await HasTableAsync(connection, "events", cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"{databasePath} has no events table; it is not an event store.");
            }

            return new SqliteAuditChainReader(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override string NullHashColumns => "NULL, NULL";

    protected override Task<bool> HasTableAsync(string table, CancellationToken cancellationToken) =>
        HasTableAsync((SqliteConnection)Connection, table, cancellationToken);

    protected override async Task<bool> HasEventsColumnAsync(string column, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info('events') WHERE name = $name";
        command.Parameters.Add(new SqliteParameter("$name", column));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)) > 0;
    }

    protected override Guid ReadEventId(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    protected override long ReadTimestampMicroseconds(DbDataReader reader, int ordinal) => reader.GetInt64(ordinal);

    private static async Task<bool> HasTableAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)) > 0;
    }
}
