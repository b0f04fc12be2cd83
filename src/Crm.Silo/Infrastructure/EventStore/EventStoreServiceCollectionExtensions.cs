using System.Diagnostics.Metrics;
using Crm.Grains.Abstractions.Audit;
using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Silo.Infrastructure.EventStore;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEventStore"/> as a singleton: SQLite under <c>Crm:DataPath</c> by default, PostgreSQL when
    /// <c>Crm:EventStore:Provider</c> is Postgres (connection string <c>ConnectionStrings:CrmPostgres</c>).
    /// Also registers the store's <see cref="ICommitSignal"/> (woken by its commits, and on PostgreSQL by every silo's)
    /// and <see cref="IAuditChainVerifier"/> over the same store.
    /// The options are validated when the host starts. Record the meter <see cref="EventStoreMetrics.MeterName"/> to see its metrics.
    /// </summary>
    public static IServiceCollection AddCrmEventStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<EventStoreOptions>()
            .Bind(configuration.GetSection(EventStoreOptions.SectionName))
            .Configure(options => EventStoreOptions.ApplySharedKeys(options, configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventStoreOptions>, EventStoreOptionsValidator>());

        services.TryAddSingleton<IEventStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EventStoreOptions>>().Value;
            var loggerFactory = provider.GetService<ILoggerFactory>();
            var meterFactory = provider.GetService<IMeterFactory>();
            return options.Provider switch
            {
                EventStoreProvider.Postgres => new PostgresEventStore(options, loggerFactory?.CreateLogger<PostgresEventStore>(), meterFactory),
                _ => new SqliteEventStore(options, loggerFactory?.CreateLogger<SqliteEventStore>(), meterFactory),
            };
        });

        services.TryAddSingleton<ICommitSignal>(provider => provider.GetRequiredService<IEventStore>() switch
        {
            SqliteEventStore sqlite => sqlite.CommitSignal,
            PostgresEventStore postgres => postgres.CommitSignal,
            var other => throw new InvalidOperationException($"The event store {other.GetType().Name} has no commit signal; register ICommitSignal with it."),
        });

        // Checks the same store's hash chain for the admin audit view (the verify-audit command opens it by itself, through AuditVerification).
        services.TryAddSingleton<IAuditChainVerifier, StoreAuditChainVerifier>();
        return services;
    }
}
