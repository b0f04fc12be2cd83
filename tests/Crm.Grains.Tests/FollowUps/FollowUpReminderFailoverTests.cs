using Crm.Grains.Abstractions.FollowUps;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.FollowUps.Events;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.FollowUps;

/// <summary>
/// The follow-up reminder is durable: the silo holding the follow-up and its reminder stops after it was armed and
/// before its time; a surviving silo fires it from the reminder table and it is delivered once.
/// </summary>
[Collection(SiloFailureCollection.Name)]
public sealed class FollowUpReminderFailoverTests(CrmClusterFixture cluster)
{
    // Only a failing run waits this long: a reminder the survivor loads after its first tick waits for the next period.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Reminder_SiloHoldingItStoppedBeforeItsTime_AnotherSiloDeliversItOnce()
    {
        var workspaceId = TestKeys.NewWorkspaceId();
        var doomed = await cluster.Cluster.StartAdditionalSiloAsync();
        await cluster.Cluster.WaitForLivenessToStabilizeAsync();
        var (id, followUp) = await ReminderRing.KeyWhoseRemindersLiveOnAsync(cluster, doomed, "fu",
            key => cluster.Grains.GetGrain<IFollowUpGrain>(GrainKeys.Scoped(workspaceId, key)));
        await cluster.MoveToAsync(followUp, doomed);
        var now = cluster.Clock.GetUtcNow();

        await followUp.ScheduleAsync(new ScheduleFollowUp("Send the quote", now.AddSeconds(10), null, "bob", null, null, null, "agent:bob"));
        await cluster.Cluster.StopSiloAsync(doomed);
        cluster.Clock.Advance(TimeSpan.FromSeconds(10));

        // Read from the store, never through the grain: a call would activate it and re-arm the reminder itself.
        var streamId = StreamIds.For(StreamIds.FollowUpCategory, workspaceId, id);
        await Eventually.ReturnsAsync(
            async () => (await cluster.ReadEventsAsync(streamId)).OfType<FollowUpReminded>().Count(),
            count => count > 0,
            "a surviving silo to fire the stored reminder",
            Deadline);
        Assert.Single((await cluster.ReadEventsAsync(streamId)).OfType<FollowUpReminded>());
    }
}
