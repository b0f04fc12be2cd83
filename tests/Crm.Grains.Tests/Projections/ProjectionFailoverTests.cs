using Crm.Grains.Abstractions.Reports;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Projections;

/// <summary>
/// A projection whose silo dies in the middle of a catch-up finishes on another silo, from its last snapshot, and its
/// result equals a recomputation from the raw events: nothing lost, nothing applied twice.
/// </summary>
[Collection(SiloFailureCollection.Name)]
public sealed class ProjectionFailoverTests(CrmClusterFixture cluster)
{
    [Fact]
    public async Task ReportProjection_SiloKilledMidCatchUp_FinishesElsewhereEqualToARecomputation()
    {
        var workspaceId = TestKeys.NewWorkspaceId();
        await ProjectionGivens.AppendConversationsAsync(cluster, workspaceId, conversations: 5, messagesEach: 20);
        var grain = cluster.Grains.GetGrain<IReportGrain>(workspaceId);
        var doomed = await cluster.RunningSecondarySiloAsync();
        await cluster.MoveToAsync(grain, doomed);

        // Several pages behind, then one page handled on the doomed silo before it dies without a goodbye.
        await ProjectionGivens.AppendConversationsAsync(cluster, workspaceId, conversations: 12, messagesEach: 200, prefix: "burst");
        await grain.WakeAsync();
        await cluster.Cluster.KillSiloAsync(doomed);

        // Until the cluster declares the killed silo dead, a call may still be sent there and fail: ask again.
        var report = await Eventually.ReturnsAsync(async () =>
            {
                try { return await grain.GetAsync(ProjectionGivens.WholeDay(cluster)); }
                catch (Exception ex) when (ex is not Xunit.Sdk.XunitException) { return null; }
            },
            answer => answer is not null, "the report to answer from a surviving silo", TimeSpan.FromSeconds(90));
        Assert.NotEqual(doomed, await cluster.HostOfAsync(grain));
        Assert.Equal(17, report!.Opened);
        await ProjectionGivens.AssertEqualsRecomputationAsync(cluster, workspaceId, report);
    }
}
