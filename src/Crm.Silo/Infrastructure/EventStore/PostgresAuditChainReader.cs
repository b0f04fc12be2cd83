using System.Data.Common;
using Crm.Silo.Infrastructure.Audit;
using Npgsql;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>Reads the audit chain from a PostgreSQL event store, on one connection of its own; it only ever reads.</summary>
public sealed class PostgresAuditChainReader : DbAuditChainReader
{
    private PostgresAuditChainReader(NpgsqlConnection connection)
        : base(connection)
    {
    }

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

    protected override string NullHashColumns => "NULL::text, NULL::text";

    protected override Task<bool> HasTableAsync(string table, CancellationToken cancellationToken) =>
        ExistsAsync((NpgsqlConnection)Connection, $"SELECT to_regclass('{table}') IS NOT NULL", cancellationToken);

    protected override Task<bool> HasEventsColumnAsync(string column, CancellationToken cancellationToken) =>
        ExistsAsync(
            (NpgsqlConnection)Connection,
            $"SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = '{column}')",
            cancellationToken);

    protected override Guid ReadEventId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    protected override long ReadTimestampMicroseconds(DbDataReader reader, int ordinal) =>
        SqliteEventStore.ToUnixMicroseconds(reader.GetFieldValue<DateTimeOffset>(ordinal));

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
