using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Projections;
using Crm.Silo.Hosting;
using Crm.Testing;
using Crm.Testing.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace Crm.Grains.Tests.Projections;

/// <summary>
/// A projection outside the grains (<see cref="IProjection"/>), run by the shared runner: a filter that matches nothing
/// still moves its checkpoint, and a poison event stops it there, loudly, until the cause is fixed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HostedProjectionTests(CrmClusterFixture cluster)
{
    private IHostedProjectionGrain Probe => cluster.Grains.GetGrain<IHostedProjectionGrain>(ProbeProjection.ProjectionName);

    [Fact]
    public async Task Wake_FilterMatchesNothing_CheckpointStillAdvancesToTheHead()
    {
        var workspaceId = TestKeys.NewWorkspaceId();
        var appended = await AppendAsync($"{workspaceId}/other/x", "test.other", "test.other");

        await Eventually.ReturnsAsync(async () => { await Probe.WakeAsync(); return await Probe.GetStatusAsync(); },
            status => status.Checkpoint >= appended.LastPosition,
            $"the probe's checkpoint to pass {appended.LastPosition} although no probe event was there", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Wake_PoisonEvent_StopsThereSaysSoAndResumesOnceFixed()
    {
        var workspaceId = TestKeys.NewWorkspaceId();
        var poison = $"probe.poison-{Guid.NewGuid():n}";
        ProbeProjection.PoisonType = poison;
        try
        {
            var stream = $"{workspaceId}/{ProbeProjection.Category}/p";
            var before = await AppendAsync(stream, "probe.tick");
            var bad = await AppendAsync(stream, poison);
            var after = await AppendAsync(stream, "probe.tick");
            var events = await cluster.Store.ReadStreamAsync(stream);

            var stopped = await Eventually.ReturnsAsync(async () => { await Probe.WakeAsync(); return await Probe.GetStatusAsync(); },
                status => status.FailedAt is not null,
                "the probe to stop at the poison event", TimeSpan.FromSeconds(20));
            Assert.Equal(bad.LastPosition, stopped.FailedAt);
            Assert.True(stopped.Checkpoint < bad.LastPosition, "the checkpoint stays before the poison event");
            Assert.True(ProbeProjection.Handled.ContainsKey(events[0].EventId), "the event before the poison one was handled");
            Assert.False(ProbeProjection.Handled.ContainsKey(events[2].EventId), "nothing after the poison event is handled: it is never skipped");
            var health = await Eventually.ReturnsAsync(
                () => new ProjectionsHealthCheck(cluster.Grains).CheckHealthAsync(new HealthCheckContext()),
                result => result.Status == HealthStatus.Degraded,
                "/health/ready's projection check to say degraded", TimeSpan.FromSeconds(20));
            Assert.Contains($"probe is stopped at position {bad.LastPosition}", health.Description);

            ProbeProjection.PoisonType = null;
            var resumed = await Eventually.ReturnsAsync(async () => { await Probe.WakeAsync(); return await Probe.GetStatusAsync(); },
                status => status.FailedAt is null && status.Checkpoint >= after.LastPosition,
                "the probe to resume once the handler no longer fails", TimeSpan.FromSeconds(30));
            Assert.True(ProbeProjection.Handled.ContainsKey(events[1].EventId) && ProbeProjection.Handled.ContainsKey(events[2].EventId));
            Assert.True(before.LastPosition < resumed.Checkpoint);
        }
        finally
        {
            ProbeProjection.PoisonType = null;
        }
    }

    private Task<AppendResult> AppendAsync(string streamId, params string[] types) =>
        cluster.Store.AppendAsync(streamId, ExpectedVersion.Any,
            [.. types.Select(type => new EventData(Guid.NewGuid(), type, "{}", "test:probe", cluster.Clock.GetUtcNow()))]);
}
