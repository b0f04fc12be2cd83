using Crm.Grains.Abstractions.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Silo.Hosting;

/// <summary>Ready = a silo answers a grain call and that silo reaches the event store. Works the same in client mode.</summary>
public sealed class ClusterReadyHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var head = await grains.GetGrain<IStoreHealthGrain>(0).CheckAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"Event store head position {head}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The silo or its event store is not reachable.", ex);
        }
    }
}
