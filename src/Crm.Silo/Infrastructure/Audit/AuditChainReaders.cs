using Crm.Silo.Infrastructure.EventStore;

namespace Crm.Silo.Infrastructure.Audit;

/// <summary>Opens the audit-chain reader for the configured event store provider.</summary>
public static class AuditChainReaders
{
    public static async Task<IAuditChainReader> OpenAsync(EventStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            EventStoreProvider.Postgres => await PostgresAuditChainReader.OpenAsync(
                options.ConnectionString is { Length: > 0 } connectionString
                    ? connectionString
                    : throw new InvalidOperationException($"Provider is Postgres but ConnectionStrings:{EventStoreOptions.ConnectionStringName} is empty."),
                cancellationToken).ConfigureAwait(false),
            _ => await SqliteAuditChainReader.OpenAsync(options.SqliteDatabasePath, cancellationToken).ConfigureAwait(false),
        };
    }
}
