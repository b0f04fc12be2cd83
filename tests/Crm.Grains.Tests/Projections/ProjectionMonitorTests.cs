using Crm.Grains.Abstractions.Projections;
using Crm.Grains.Projections;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Projections;

/// <summary>
/// A node's own projections start before its silo has joined the cluster; their reports wait for the join instead of
/// asking Orleans to place the health grain too early (which it retries, logging a stack trace per attempt).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ProjectionMonitorTests(CrmClusterFixture cluster)
{
    [Fact]
    public async Task Report_BeforeTheSiloHasJoined_IsHeldThenReachesTheHealthGrainOnceItHas()
    {
        var gate = new ClusterJoinGate();
        using var held = new ProjectionMonitor(cluster.Grains, joinGate: gate);
        using var open = new ProjectionMonitor(cluster.Grains);
        var (heldName, marker) = ($"held-{Guid.NewGuid():N}", $"marker-{Guid.NewGuid():N}");
        var health = cluster.Grains.GetGrain<IProjectionHealthGrain>(0);

        held.Report(Status(heldName));
        // Sent after the held one would have been: once it has arrived, the held one would have too.
        open.Report(Status(marker));
        await Eventually.ReturnsAsync(() => health.GetAsync(), s => s.Any(x => x.Name == marker), "the ungated report to arrive");
        Assert.DoesNotContain(await health.GetAsync(), s => s.Name == heldName);

        await gate.StartAsync(CancellationToken.None);

        await Eventually.ReturnsAsync(() => health.GetAsync(), s => s.Any(x => x.Name == heldName && x.Checkpoint == 5), "the held report to arrive once the silo joined");
    }

    private ProjectionStatus Status(string name) => new(name, 5, 10, 0.5, null, null, cluster.Clock.GetUtcNow());
}
