using Npgsql;

namespace Crm.Silo.Infrastructure.Database;

/// <summary>
/// Tables a store keeps in the event store's PostgreSQL database apart from the events' own schema and migrations
/// (snapshots, the CRM directory), created on first open under an advisory lock: CREATE … IF NOT EXISTS is not atomic
/// in PostgreSQL, and every silo opens at once.
/// </summary>
public static class PostgresTables
{
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, SchemaOnce schema, long lockKey, string ddl, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await schema.EnsureAsync(async ct =>
            {
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({lockKey}); {ddl}", connection, transaction))
                    await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
