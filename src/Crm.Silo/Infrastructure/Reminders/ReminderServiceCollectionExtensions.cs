using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Crm.Silo.Infrastructure.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Enables Orleans reminders on this silo and stores them in the event store's database: the <c>reminders</c> table
    /// in <c>{Crm:DataPath}/events.db</c> by default, in the PostgreSQL database <c>ConnectionStrings:CrmPostgres</c>
    /// when <c>Crm:EventStore:Provider</c> is Postgres. Rows are scoped by Orleans' <see cref="ClusterOptions.ServiceId"/>.
    /// Call it on the silo's services only, never on a client's.
    /// </summary>
    public static IServiceCollection AddCrmReminders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Reminders live in the events' database, so they take its settings (provider, folder, connection string)
        // from the very registration the store uses; calling it again is harmless, every part of it is idempotent.
        services.AddCrmEventStore(configuration);

        // The reminder service (LocalReminderService) itself; idempotent, like silo.AddReminders().
        services.AddReminders();

        services.TryAddSingleton<IReminderTable>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EventStoreOptions>>().Value;
            var serviceId = provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
            return options.Provider switch
            {
                EventStoreProvider.Postgres => new PostgresReminderTable(options, serviceId),
                _ => new SqliteReminderTable(options, serviceId),
            };
        });

        return services;
    }
}
