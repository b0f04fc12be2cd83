using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Grains.Conversations.Events;
using Crm.Testing;
using Crm.Testing.Cluster;
using Orleans.TestingHost;
using Xunit;

namespace Crm.Grains.Tests.Conversations;

/// <summary>
/// The "sla" reminder is durable: when the silo that hosts a conversation, and holds its reminder, stops after the
/// reminder was armed and before the due instant, a surviving silo fires it from the store and the breach is
/// recorded, once. Domain time reaches the due instant only after the silo stopped, so no firing before the stop can
/// have recorded it.
/// </summary>
[Collection(SiloFailureCollection.Name)]
public sealed class ConversationSlaFailoverTests(CrmClusterFixture cluster)
{
    private static readonly TimeSpan FirstResponse = TimeSpan.FromSeconds(10);

    // Only a failing run waits this long: a reminder the survivor loads after its first tick waits for the next
    // period (one minute) instead.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SlaReminder_SiloHostingTheConversationStoppedBeforeTheDue_AnotherSiloRecordsTheBreachOnce()
    {
        var workspaceId = TestKeys.NewWorkspaceId();
        var workspace = cluster.Grains.GetGrain<IWorkspaceGrain>(workspaceId);
        await workspace.CreateAsync(new CreateWorkspace("Acme", "user:admin"));
        await workspace.ConfigureSlaAsync(new ConfigureSla(
            BusinessCalendar.AlwaysOpen, SlaPolicy.Create(new SlaTargets(Priority.Normal, FirstResponse, null, null)), "user:admin"));
        // A silo of the test's own, so the fixture's silos all outlive it.
        var doomed = await cluster.Cluster.StartAdditionalSiloAsync();
        await cluster.Cluster.WaitForLivenessToStabilizeAsync();
        var (conversationId, conversation) = await ConversationWhoseRemindersLiveOnAsync(workspaceId, doomed);
        await cluster.MoveToAsync(conversation, doomed);

        var opened = await conversation.OpenAsync(new OpenConversation("cust-1", "Ada", Channel.Chat, "Order 42", null, "customer:cust-1"));
        await cluster.Cluster.StopSiloAsync(doomed);
        cluster.Clock.Advance(FirstResponse);

        // Read from the store, never through the grain: a call would activate it and re-arm the reminder itself.
        var streamId = StreamIds.For(StreamIds.ConversationCategory, workspaceId, conversationId);
        var breaches = await Eventually.ReturnsAsync(
            async () => (await cluster.ReadEventsAsync(streamId)).OfType<ConversationSlaBreached>().ToList(),
            found => found.Count > 0,
            "a surviving silo to fire the stored reminder and record the first-response breach",
            Deadline);
        var breach = Assert.Single(breaches);
        Assert.Equal((SlaMetric.FirstResponse, opened.OpenedAt + FirstResponse, "system:scheduler"), (breach.Metric, breach.Due, breach.By));
        Assert.True((await conversation.GetDetailsAsync()).SlaBreached);
        Assert.NotNull(await cluster.HostOfAsync(conversation));
        Assert.Single((await cluster.ReadEventsAsync(streamId)).OfType<ConversationSlaBreached>());
    }

    private Task<(string Id, IConversationGrain Grain)> ConversationWhoseRemindersLiveOnAsync(string workspaceId, SiloHandle silo) =>
        ReminderRing.KeyWhoseRemindersLiveOnAsync(cluster, silo, "conv", id => cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, id)));
}
