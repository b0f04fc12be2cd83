using System.Runtime.CompilerServices;
using Crm.Silo.Infrastructure.Audit;
using Npgsql;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>Reads the audit chain from a PostgreSQL event store, on one connection of its own; it only ever reads.</summary>
public sealed class PostgresAuditChainReader : IAuditChainReader
{
    private readonly NpgsqlConnection connection;

    private PostgresAuditChainReader(NpgsqlConnection connection) => this.connection = connection;

    public static async Task<PostgresAuditChainReader> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!await ExistsAsync(connection, "SELECT to_regclass('events') IS NOT NULL", cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Database '{connection.Database}' has no events table; it is not an event store.");
            }

            return new PostgresAuditChainReader(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async IAsyncEnumerable<AuditRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A database never opened by a chained store has no hash columns: all its rows are from before the chain.
        var chained = await ExistsAsync(
            connection,
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'hash')",
            cancellationToken).ConfigureAwait(false);
        var hashColumns = chained ? "prev_hash, hash" : "NULL::text, NULL::text";
        await using var command = new NpgsqlCommand(
            $"SELECT position, stream_id, version, event_id, type, data, actor, timestamp, {hashColumns} FROM events ORDER BY position",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AuditRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetGuid(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                SqliteEventStore.ToUnixMicroseconds(reader.GetFieldValue<DateTimeOffset>(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9));
        }
    }

    public async Task<IReadOnlyList<AuditChainHead>> ReadHeadsAsync(CancellationToken cancellationToken = default)
    {
        var heads = new List<AuditChainHead>();
        if (!await ExistsAsync(connection, "SELECT to_regclass('audit_heads') IS NOT NULL", cancellationToken).ConfigureAwait(false))
        {
            return heads;
        }

        await using var command = new NpgsqlCommand("SELECT workspace, position, hash FROM audit_heads ORDER BY workspace", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            heads.Add(new AuditChainHead(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        }

        return heads;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
