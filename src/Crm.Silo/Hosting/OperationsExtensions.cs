using Crm.Grains.Projections;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using Serilog;

namespace Crm.Silo.Hosting;

public static class OperationsExtensions
{
    /// <summary>The tag of the checks /health/ready runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Serilog to the console and a rolling file in the data folder, Prometheus metrics, and the health checks.</summary>
    public static IHostApplicationBuilder AddCrmOperations(this IHostApplicationBuilder builder, string logFilePrefix)
    {
        var logFile = DataPaths.Combine(builder.Configuration, "logs", $"{logFilePrefix}-.log");
        builder.Services.AddSerilog((services, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Orleans", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            // shared: processes that share a data folder (web nodes, silos on one SQLite store) append to the same
            // file; without it each keeps its own write offset and they overwrite each other's lines.
            .WriteTo.File(logFile, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, shared: true,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture));

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.SignalR")
            .AddMeter("Microsoft.Orleans")
            .AddMeter(EventStoreMetrics.MeterName)
            .AddMeter(ProjectionMonitor.MeterName)
            .AddPrometheusExporter());

        builder.Services.AddHealthChecks()
            .AddCheck<ClusterReadyHealthCheck>("cluster", tags: [ReadyTag])
            .AddCheck<ProjectionsHealthCheck>("projections", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>/metrics (Prometheus), /health/live (the process answers) and /health/ready (silo and store reachable).</summary>
    public static IEndpointRouteBuilder MapCrmOperations(this IEndpointRouteBuilder endpoints)
    {
        // Probes and scrapers do not sign in; these endpoints reveal no workspace data.
        endpoints.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return endpoints;
    }
}
