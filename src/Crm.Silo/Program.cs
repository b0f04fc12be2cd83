using Crm.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
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

        builder.AddCrmOperations("silo");
        builder.AddCrmSilo();

        var app = builder.Build();
        app.MapCrmOperations();
        app.Run();
    }
}
