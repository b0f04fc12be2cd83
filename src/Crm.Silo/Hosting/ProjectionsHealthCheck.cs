using System.Globalization;
using Crm.Grains.Abstractions.Projections;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Silo.Hosting;

/// <summary>
/// Every projection's lag (events and seconds) in <c>/health/ready</c>'s details, and Degraded (still 200: the node
/// serves) while one is stopped at a failing event, naming the projection and the position.
/// </summary>
public sealed class ProjectionsHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ProjectionStatus> statuses;
        try
        {
            statuses = await grains.GetGrain<IProjectionHealthGrain>(0).GetAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The cluster check says whether the silo answers; this one only adds details.
            return HealthCheckResult.Degraded("The projections' status is not available.", ex);
        }
        var data = statuses.ToDictionary(s => s.Name, s => (object)Describe(s), StringComparer.Ordinal);
        var stopped = statuses.Where(s => s.FailedAt is not null).ToList();
        if (stopped.Count > 0)
        {
            var which = string.Join("; ", stopped.Select(s => $"{s.Name} is stopped at position {s.FailedAt}: {s.Error}"));
            return HealthCheckResult.Degraded($"Projection stopped: {which}", data: data);
        }
        return HealthCheckResult.Healthy($"{statuses.Count} projection partitions running.", data);
    }

    private static string Describe(ProjectionStatus s) => string.Create(CultureInfo.InvariantCulture,
        $"checkpoint={s.Checkpoint} lag_events={s.LagEvents} lag_seconds={s.LagSeconds:0.###} caught_up={(s.CaughtUp ? "yes" : "no")}{(s.FailedAt is { } at ? $" stopped_at={at}" : "")}");
}
