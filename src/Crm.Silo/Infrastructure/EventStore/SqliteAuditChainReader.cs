using System.Runtime.CompilerServices;
using Crm.Silo.Infrastructure.Audit;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// Reads the audit chain from a SQLite event file. Opens it read-write without create, so a wrong path fails instead
/// of leaving an empty database behind; it only ever reads.
/// </summary>
public sealed class SqliteAuditChainReader : IAuditChainReader
{
    private readonly SqliteConnection connection;

    private SqliteAuditChainReader(SqliteConnection connection) => this.connection = connection;

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

    public async IAsyncEnumerable<AuditRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A file never opened by a chained store has no hash columns: all its rows are from before the chain.
        var chained = await HasColumnAsync("hash", cancellationToken).ConfigureAwait(false);
        var hashColumns = chained ? "prev_hash, hash" : "NULL, NULL";
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT position, stream_id, version, event_id, type, data, actor, timestamp, {hashColumns} FROM events ORDER BY position";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AuditRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                Guid.Parse(reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetInt64(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9));
        }
    }

    public async Task<IReadOnlyList<AuditChainHead>> ReadHeadsAsync(CancellationToken cancellationToken = default)
    {
        var heads = new List<AuditChainHead>();
        if (!await HasTableAsync(connection, "audit_heads", cancellationToken).ConfigureAwait(false))
        {
            return heads;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT workspace, position, hash FROM audit_heads ORDER BY workspace";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            heads.Add(new AuditChainHead(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        }

        return heads;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private static async Task<bool> HasTableAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)) > 0;
    }

    private async Task<bool> HasColumnAsync(string column, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info('events') WHERE name = $name";
        command.Parameters.AddWithValue("$name", column);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)) > 0;
    }
}
