using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Snapshots;
using Crm.Grains.Projections;
using Crm.Silo.Infrastructure.CrmDirectory;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crm.Silo.Infrastructure.Snapshots;

public static class SnapshotStoreServiceCollectionExtensions
{
    /// <summary>
    /// Snapshots in the event store's database (table <c>snapshots</c>: SQLite under <c>Crm:DataPath</c>, or PostgreSQL
    /// when <c>Crm:EventStore:Provider</c> is Postgres), the CRM directory's customer table beside them, and the projection runner that keeps its checkpoints there
    /// (<c>Crm:Projections</c>). Call it on a silo's services only, after <c>AddCrmEventStore</c>; idempotent.
    /// </summary>
    public static IServiceCollection AddCrmProjections(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCrmEventStore(configuration);
        services.TryAddSingleton<ISnapshotStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EventStoreOptions>>().Value;
            return options.Provider switch
            {
                EventStoreProvider.Postgres => new PostgresSnapshotStore(options),
                _ => new SqliteSnapshotStore(options),
            };
        });
        // The CRM directory's customers: a projection's table, in the same database as its checkpoints.
        services.TryAddSingleton<ICustomerTable>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EventStoreOptions>>().Value;
            return options.Provider switch
            {
                EventStoreProvider.Postgres => new PostgresCustomerTable(options),
                _ => new SqliteCustomerTable(options),
            };
        });
        services.AddCrmProjectionRunner(configuration);
        return services;
    }
}
