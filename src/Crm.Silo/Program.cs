using System.Globalization;
using Crm.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Crm.Silo;

/// <summary>A standalone silo for the cluster mode: grains and the event store, with health and metrics on its own port.</summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Configuration.GetValue<ClusterRole?>($"{CrmClusterOptions.SectionName}:Role") == ClusterRole.Client)
            throw new InvalidOperationException("Crm.Silo always hosts a silo; Crm:Cluster:Role=Client is for Crm.Web nodes.");

        // A standalone silo with localhost clustering is found by its clients at the well-known gateway port, so it
        // keeps the fixed defaults (configuration still overrides them); only a silo inside Crm.Web takes free ports.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                [$"{CrmClusterOptions.SectionName}:{nameof(CrmClusterOptions.SiloPort)}"] = CrmClusterOptions.DefaultSiloPort.ToString(CultureInfo.InvariantCulture),
                [$"{CrmClusterOptions.SectionName}:{nameof(CrmClusterOptions.GatewayPort)}"] = CrmClusterOptions.DefaultGatewayPort.ToString(CultureInfo.InvariantCulture),
            },
        });
        builder.AddCrmOperations("silo");
        builder.AddCrmSilo();

        var app = builder.Build();
        app.MapCrmOperations();
        app.Run();
    }
}
