using Crm.Grains.Abstractions.Time;
using Crm.Grains.Projections;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Reminders;
using Crm.Silo.Infrastructure.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Crm.Testing.Cluster;

/// <summary>
/// Wires each test silo like the real host: the event store chosen by configuration (SQLite under the fixture's
/// <c>Crm:DataPath</c>), and the fixture's fake clock as the grains' <see cref="DomainClock"/>; the Orleans runtime
/// keeps the system clock, so its timeouts and probes run in real time whatever the test does to domain time.
/// TestCluster creates configurators by type, so the clock is found through the id the fixture put in configuration.
/// </summary>
public sealed class CrmSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        var clock = SharedClocks.Get(configuration[SharedClocks.ConfigurationKey]);
        siloBuilder.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, clock);
        siloBuilder.Services.AddCrmEventStore(configuration);
        siloBuilder.Services.AddCrmReminders(configuration);
        siloBuilder.Services.AddCrmProjections(configuration);
        siloBuilder.Services.AddCrmProjection<ProbeProjection>();
        siloBuilder.Services.AddSingleton<ActivationLog>();
        siloBuilder.Services.AddSingleton<Orleans.Runtime.IConfigureGrainContextProvider>(sp => sp.GetRequiredService<ActivationLog>());
    }
}
