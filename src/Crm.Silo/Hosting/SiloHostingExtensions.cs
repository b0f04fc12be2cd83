using System.Net;
using Crm.Ai;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Projections;
using Crm.Silo.Infrastructure.Blobs;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Reminders;
using Crm.Silo.Infrastructure.Search;
using Crm.Silo.Infrastructure.Snapshots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Crm.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Hosts an Orleans silo in this process with the configured event store, or, when "Crm:Cluster:Role" is
    /// Client, joins the configured cluster as a client. Both are chosen by configuration alone.
    /// </summary>
    public static IHostApplicationBuilder AddCrmSilo(this IHostApplicationBuilder builder)
    {
        var cluster = ReadClusterOptions(builder.Configuration);
        // Every node stores attachments (uploads arrive on web nodes); with several machines use AzureBlob, since
        // the Folder store is per machine.
        builder.Services.AddCrmBlobStore(builder.Configuration);
        if (cluster.Role == ClusterRole.Client)
        {
            builder.UseOrleansClient(client => ConfigureClient(client, cluster, builder.Configuration));
            return builder;
        }

        builder.Services.TryAddKeyedSingleton<TimeProvider>(DomainClock.Key, new Crm.Grains.Time.BackdatableClock(TimeProvider.System));
        builder.Services.AddCrmEventStore(builder.Configuration);
        // Durable timers (SLA breaches, snooze wake-ups) live in the same database as the events.
        builder.Services.AddCrmReminders(builder.Configuration);
        // The search engine and its indexer run beside the grains that answer searches (SearchGrain).
        builder.Services.AddCrmSearch(builder.Configuration);
        // The assistant's engine runs where the grains run; its embeddings projection on the projection runner.
        builder.Services.AddCrmAi(DataPaths.Combine(builder.Configuration, "ai"), builder.Configuration);
        builder.UseOrleans(silo => ConfigureSilo(silo, cluster, builder.Configuration));
        // Started after the silo's own hosted service, i.e. once it has joined: the search indexer and the other projections
        // of this node start before that, and their reports to the health grain wait for it.
        builder.Services.AddSingleton<ClusterJoinGate>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ClusterJoinGate>());
        // After the silo: the projection waker is a hosted service that calls grains once the silo runs.
        builder.Services.AddCrmProjections(builder.Configuration);
        return builder;
    }

    private static CrmClusterOptions ReadClusterOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(CrmClusterOptions.SectionName).Get<CrmClusterOptions>() ?? new();
        if (options.Clustering == ClusteringProvider.Redis && RedisConnectionString(configuration) is null)
            throw new InvalidOperationException(
                $"Crm:Cluster:Clustering is Redis but ConnectionStrings:{CrmClusterOptions.RedisConnectionStringName} is not set.");
        // Nobody else needs to find a single node's silo: it may take any free port. Clients and other silos need the
        // well-known defaults.
        var singleNode = options is { Role: ClusterRole.Silo, Clustering: ClusteringProvider.Localhost };
        options.SiloPort ??= singleNode ? FreeLoopbackPort() : CrmClusterOptions.DefaultSiloPort;
        options.GatewayPort ??= singleNode ? FreeLoopbackPort() : CrmClusterOptions.DefaultGatewayPort;
        return options;
    }

    /// <summary>A port the system has free now (it hands out a fresh one for port 0); Orleans binds it moments later.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? RedisConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(CrmClusterOptions.RedisConnectionStringName);

    private static void ConfigureSilo(ISiloBuilder silo, CrmClusterOptions cluster, IConfiguration configuration)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        switch (cluster.Clustering)
        {
            case ClusteringProvider.Redis:
                silo.UseRedisClustering(RedisConnectionString(configuration)!);
                silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedIp), cluster.SiloPort!.Value, cluster.GatewayPort!.Value, listenOnAnyHostAddress: false);
                break;
            default:
                silo.UseLocalhostClustering(cluster.SiloPort!.Value, cluster.GatewayPort!.Value, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                break;
        }
    }

    private static void ConfigureClient(IClientBuilder client, CrmClusterOptions cluster, IConfiguration configuration)
    {
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        switch (cluster.Clustering)
        {
            case ClusteringProvider.Redis:
                client.UseRedisClustering(RedisConnectionString(configuration)!);
                break;
            default:
                client.UseLocalhostClustering(cluster.GatewayPort!.Value, cluster.ServiceId, cluster.ClusterId);
                break;
        }
    }
}
