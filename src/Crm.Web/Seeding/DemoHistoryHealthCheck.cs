using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Web.Seeding;

/// <summary>
/// Part of /health/ready: healthy while the demo history lands (the app serves; the description says how far), degraded
/// if writing it failed. Without a history to write it says nothing more than that.
/// </summary>
public sealed class DemoHistoryHealthCheck(DemoHistoryProgress progress) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["landing"] = progress.Landing, ["written"] = progress.Written, ["total"] = progress.Total };
        return Task.FromResult(progress switch
        {
            { Failure: { } failure } => HealthCheckResult.Degraded($"The demo history stopped short: {failure}", data: data),
            { Landing: true } => HealthCheckResult.Healthy($"Demo history landing: {progress.Written} of {progress.Total} conversations written.", data),
            _ => HealthCheckResult.Healthy(progress.Total > 0 ? $"Demo history complete: {progress.Total} conversations." : "No demo history to write.", data),
        });
    }
}
