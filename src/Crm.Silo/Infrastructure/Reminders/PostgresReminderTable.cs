using System.Data.Common;
using Crm.Silo.Infrastructure.EventStore;
using Npgsql;

namespace Crm.Silo.Infrastructure.Reminders;

/// <summary>
/// Reminders in the event store's PostgreSQL database (<c>ConnectionStrings:CrmPostgres</c>), through a pooled data
/// source of their own. Every silo of the cluster reads and writes the same table; each statement is one row or one
/// range, atomic on its own, so silos need no coordination beyond the etag check on remove.
/// </summary>
public sealed class PostgresReminderTable : DbReminderTable
{
    /// <summary>
    /// Arbitrary constant shared by every silo: the advisory lock that serialises schema creation. Distinct from the
    /// event store's, so a silo creating one schema never waits on the other.
    /// </summary>
    internal const long SchemaLockKey = 0x4372_6D52_656D_696E; // "CrmRemin"

    private readonly NpgsqlDataSource dataSource;

    public PostgresReminderTable(EventStoreOptions options, string serviceId)
        : base(serviceId)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException(
                $"The PostgreSQL reminder table needs ConnectionStrings:{EventStoreOptions.ConnectionStringName}.", nameof(options));
        }

        dataSource = NpgsqlDataSource.Create(options.ConnectionString);
    }

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

    protected override async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // CREATE TABLE IF NOT EXISTS is not atomic in PostgreSQL: silos starting together could both try to create it.
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey}); {Schema}", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<T> WithConnectionAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection, cancellationToken).ConfigureAwait(false);
    }
}
