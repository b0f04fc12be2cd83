using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.FollowUps;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.FollowUps.Events;
using Crm.Grains.Tests.LiveFeed;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.FollowUps;

/// <summary>A follow-up's reminder reaches the owner's console on the live feed at its time, once; and "My day" lists what is due.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FollowUpReminderTests(CrmClusterFixture cluster) : IAsyncLifetime
{
    private readonly string workspaceId = TestKeys.NewWorkspaceId();
    private readonly FeedRecording feed = new(cluster);

    private IFollowUpGrain FollowUp(string id) => cluster.Grains.GetGrain<IFollowUpGrain>(GrainKeys.Scoped(workspaceId, id));

    public Task InitializeAsync() => feed.StartAsync();

    public Task DisposeAsync() => feed.StopAsync();

    [Fact]
    public async Task Reminder_AtItsTime_DeliveredOnceToTheFeedAndRecorded()
    {
        var now = cluster.Clock.GetUtcNow();
        await FollowUp("f1").ScheduleAsync(new ScheduleFollowUp("Call Ada back", now.AddSeconds(2), now.AddSeconds(1), "bob", "ada", null, null, "agent:bob"));
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));

        var delivered = await Eventually.ReturnsAsync(
            () => Task.FromResult(feed.Observer.Of<FollowUpReminderFeedItem>(workspaceId)),
            items => items.Count > 0,
            "the reminder on the live feed once its time came");

        Assert.Equal(("f1", "bob", "Call Ada back"), (delivered[0].FollowUp.FollowUpId, delivered[0].FollowUp.OwnerId, delivered[0].FollowUp.Title));
        Assert.Single((await cluster.ReadEventsAsync(StreamIds.For(StreamIds.FollowUpCategory, workspaceId, "f1"))).OfType<FollowUpReminded>());
        Assert.NotNull((await FollowUp("f1").GetDetailsAsync()).RemindedAt);
    }

    [Fact]
    public async Task ListAsync_OwnersOpenFollowUps_SoonestFirstWithoutDoneOnes()
    {
        var now = cluster.Clock.GetUtcNow();
        await FollowUp("late").ScheduleAsync(new ScheduleFollowUp("Overdue", now.AddHours(-2), now.AddHours(-3), "bob", null, null, null, "agent:bob"));
        await FollowUp("today").ScheduleAsync(new ScheduleFollowUp("Today", now.AddHours(1), null, "bob", null, null, null, "agent:bob"));
        await FollowUp("done").ScheduleAsync(new ScheduleFollowUp("Done", now.AddHours(1), null, "bob", null, null, null, "agent:bob"));
        await FollowUp("done").CompleteAsync(new CompleteFollowUp("agent:bob"));
        await FollowUp("carol").ScheduleAsync(new ScheduleFollowUp("Carol's", now, null, "carol", null, null, null, "agent:carol"));

        var mine = await cluster.Grains.GetGrain<IFollowUpListGrain>(workspaceId).ListAsync(new FollowUpQuery(OwnerId: "bob"));

        Assert.Equal(["late", "today"], mine.Select(f => f.FollowUpId));
    }

    [Fact]
    public async Task ScheduleAsync_ReminderAfterTheDue_Refused()
    {
        var now = cluster.Clock.GetUtcNow();

        var refused = await Assert.ThrowsAsync<DomainException>(() => FollowUp("f1").ScheduleAsync(
            new ScheduleFollowUp("Call", now, now.AddMinutes(5), "bob", null, null, null, "agent:bob")));

        Assert.Equal((DomainErrorKind.Invalid, "The reminder cannot come after the due time."), (refused.Kind, refused.Message));
    }
}
