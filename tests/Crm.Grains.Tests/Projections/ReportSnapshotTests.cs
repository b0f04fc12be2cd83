using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Abstractions.Snapshots;
using Crm.Grains.Projections;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Snapshots;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Projections;

/// <summary>
/// The report projection resumes from its snapshot plus the store's tail, and a snapshot it cannot use (corrupt bytes,
/// another schema version) is discarded and rebuilt from the events: either way the figures equal a recomputation.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReportSnapshotTests(CrmClusterFixture cluster)
{
    private ISnapshotStore Snapshots => new SqliteSnapshotStore(new EventStoreOptions { DataPath = cluster.DataPath });

    [Fact]
    public async Task GetAsync_AfterDeactivation_ResumesFromItsSnapshotAndEqualsARecomputation()
    {
        var workspaceId = TestKeys.NewWorkspaceId();
        await ProjectionGivens.AppendConversationsAsync(cluster, workspaceId, conversations: 4, messagesEach: 6);
        var grain = cluster.Grains.GetGrain<IReportGrain>(workspaceId);
        await grain.GetAsync(ProjectionGivens.WholeDay(cluster));
        await cluster.DeactivateAsync(grain);

        var snapshot = await Snapshots.LoadAsync(ProjectionWakeList.KeyOf($"{ProjectionKinds.Reports}/{workspaceId}"));
        Assert.True(snapshot is { Position: > 0, Data.Length: > 0 }, "the deactivated report projection saved a snapshot with its checkpoint");

        await ProjectionGivens.AppendConversationsAsync(cluster, workspaceId, conversations: 3, messagesEach: 5, prefix: "later");
        var report = await grain.GetAsync(ProjectionGivens.WholeDay(cluster));
        Assert.Equal(7, report.Opened);
        await ProjectionGivens.AssertEqualsRecomputationAsync(cluster, workspaceId, report);
    }

    [Theory]
    [InlineData(1, "not an orleans payload")]
    [InlineData(99, "a snapshot of some other shape")]
    public async Task GetAsync_CorruptOrIncompatibleSnapshot_IsDiscardedAndRebuiltFromTheEvents(int schemaVersion, string bytes)
    {
        var workspaceId = TestKeys.NewWorkspaceId();
        await ProjectionGivens.AppendConversationsAsync(cluster, workspaceId, conversations: 3, messagesEach: 4);
        var key = ProjectionWakeList.KeyOf($"{ProjectionKinds.Reports}/{workspaceId}");
        // Far past the head: were it believed, every event would be skipped.
        await Snapshots.SaveAsync(new Snapshot(key, schemaVersion, long.MaxValue / 2, System.Text.Encoding.UTF8.GetBytes(bytes)));

        var report = await cluster.Grains.GetGrain<IReportGrain>(workspaceId).GetAsync(ProjectionGivens.WholeDay(cluster));

        Assert.Equal(3, report.Opened);
        await ProjectionGivens.AssertEqualsRecomputationAsync(cluster, workspaceId, report);
        var rebuilt = await Snapshots.LoadAsync(key);
        Assert.True(rebuilt is { SchemaVersion: 1 } && rebuilt.Position < long.MaxValue / 2, "the unusable snapshot was replaced by the rebuilt one");
    }
}
