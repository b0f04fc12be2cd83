using Crm.Silo.Infrastructure.EventStore;
using Npgsql;

namespace Crm.Silo.Infrastructure.Database;

/// <summary>
/// Tables a store keeps in the event store's PostgreSQL database apart from the events' own schema and migrations
/// (snapshots, the CRM directory), created on first open under an advisory lock: CREATE … IF NOT EXISTS is not atomic
/// in PostgreSQL, and every silo opens at once.
/// </summary>
public static class PostgresTables
{
    /// <summary>A pooled data source of the store's own on the event store's database; <paramref name="store"/> names it in the error.</summary>
    public static NpgsqlDataSource DataSource(EventStoreOptions options, string store)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new ArgumentException($"The PostgreSQL {store} needs ConnectionStrings:{EventStoreOptions.ConnectionStringName}.", nameof(options));
        return NpgsqlDataSource.Create(options.ConnectionString);
    }

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
