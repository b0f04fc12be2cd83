using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Grains.Conversations.Events;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Reminders;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Conversations;

/// <summary>
/// SLA on a conversation, in a workspace open around the clock (business time = elapsed time) with normal priority at
/// 1 h first response, 2 h next response, 8 h resolution and urgent at 15 min / 30 min / 4 h. Given a conversation,
/// when time passes and the "sla" reminder fires (called directly, as the runtime would), then breach events and views.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationSlaTests(CrmClusterFixture cluster) : IAsyncLifetime
{
    private static readonly Author Customer = new(AuthorKind.Customer, "cust-1", "Ada Lovelace");
    private static readonly Author Alice = new(AuthorKind.Agent, "alice", "Alice");

    private static readonly SlaPolicy Policy = SlaPolicy.Create(
        new SlaTargets(Priority.Normal, TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(8)),
        new SlaTargets(Priority.Urgent, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(4)));

    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private IConversationGrain Conversation => cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, "c1"));

    private IRemindable Timer => Conversation.AsReference<IRemindable>();

    private DateTimeOffset Now => cluster.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        var workspace = cluster.Grains.GetGrain<IWorkspaceGrain>(workspaceId);
        await workspace.CreateAsync(new CreateWorkspace("Acme", "user:admin"));
        await workspace.ConfigureSlaAsync(new ConfigureSla(BusinessCalendar.AlwaysOpen, Policy, "user:admin"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OpenAsync_WorkspacePolicy_FirstResponseDueIsOpenedPlusTargetInDetailsAndInbox()
    {
        var details = await OpenAsync();

        Assert.Equal((details.OpenedAt.AddHours(1), false), (details.SlaDueAt, details.SlaBreached));
        var row = await InboxRowAsync(r => true);
        Assert.Equal((details.SlaDueAt, false), (row.SlaDueAt, row.SlaBreached));
    }

    [Fact]
    public async Task PostMessageAsync_AgentRepliesBeforeDue_FirstResponseMetAndNeverBreached()
    {
        var opened = (await OpenAsync()).OpenedAt;
        await PostAsync(Customer, "Hello?");
        cluster.Clock.Advance(TimeSpan.FromMinutes(30));

        await PostAsync(Alice, "Hi, how can I help?");
        cluster.Clock.Advance(TimeSpan.FromHours(1));
        await Timer.ReceiveReminder("sla", default);

        var details = await Conversation.GetDetailsAsync();
        Assert.Equal((opened.AddHours(8), false), (details.SlaDueAt, details.SlaBreached)); // only resolution is left
        Assert.Empty(await BreachesAsync());
    }

    [Fact]
    public async Task ReceiveReminder_NoReplyByTheDueInstant_OneFirstResponseBreachShownUntilAnswered()
    {
        var opened = (await OpenAsync()).OpenedAt;
        await PostAsync(Customer, "Hello?");
        // A note and an assignment are not replies: the customer still waits.
        await Conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, "looking into it", MessageKind.Note));
        await Conversation.AssignAsync(new AssignConversation("alice", "Alice", Alice));
        cluster.Clock.Advance(TimeSpan.FromHours(1)); // exactly at the due instant: breached

        await Timer.ReceiveReminder("sla", default);
        var breached = await Conversation.GetDetailsAsync();
        var row = await InboxRowAsync(r => r.SlaBreached);
        await Timer.ReceiveReminder("sla", default);
        await PostAsync(Alice, "Sorry for the wait!");
        var answered = await Conversation.GetDetailsAsync();

        var breach = Assert.Single(await BreachesAsync());
        Assert.Equal((SlaMetric.FirstResponse, opened.AddHours(1), Now, "system:scheduler"), (breach.Metric, breach.Due, breach.At, breach.By));
        Assert.Equal((opened.AddHours(8), true), (breached.SlaDueAt, breached.SlaBreached));
        Assert.Equal((opened.AddHours(8), true), (row.SlaDueAt, row.SlaBreached));
        Assert.Equal((opened.AddHours(8), false), (answered.SlaDueAt, answered.SlaBreached));
    }

    [Fact]
    public async Task ReceiveReminder_FiresBeforeTheDueInstant_RecordsNothingAndKeepsTheDue()
    {
        var opened = (await OpenAsync()).OpenedAt;
        cluster.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromTicks(1));

        await Timer.ReceiveReminder("sla", default);

        Assert.Empty(await BreachesAsync());
        var details = await Conversation.GetDetailsAsync();
        Assert.Equal((opened.AddHours(1), false), (details.SlaDueAt, details.SlaBreached));
    }

    [Fact]
    public async Task ChangeStatusAsync_PendingForAnHour_NoDueWhilePausedThenDueMovesLaterByThePause()
    {
        var opened = (await OpenAsync()).OpenedAt;
        cluster.Clock.Advance(TimeSpan.FromMinutes(10));

        var pending = await Conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Pending, null, Alice));
        cluster.Clock.Advance(TimeSpan.FromHours(1));
        await Timer.ReceiveReminder("sla", default); // past the original due, but the clock stood still
        var reopened = await Conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Open, null, Alice));

        Assert.Equal((ConversationStatus.Pending, (DateTimeOffset?)null), (pending.Status, pending.SlaDueAt));
        Assert.Equal(opened.AddHours(2), reopened.SlaDueAt);
        Assert.Empty(await BreachesAsync());
    }

    [Fact]
    public async Task SetPriorityAsync_Urgent_RetargetsTheDueAndBreachesByTheNewTarget()
    {
        var opened = (await OpenAsync()).OpenedAt;

        var urgent = await Conversation.SetPriorityAsync(new SetPriority(Priority.Urgent, Alice));
        cluster.Clock.Advance(TimeSpan.FromMinutes(15));
        await Timer.ReceiveReminder("sla", default);

        Assert.Equal(opened.AddMinutes(15), urgent.SlaDueAt);
        var breach = Assert.Single(await BreachesAsync());
        Assert.Equal((SlaMetric.FirstResponse, opened.AddMinutes(15)), (breach.Metric, breach.Due));
        Assert.Equal(opened.AddHours(4), (await Conversation.GetDetailsAsync()).SlaDueAt); // urgent resolution
    }

    [Fact]
    public async Task PostMessageAsync_FollowUpsAfterReplies_EachWaitIsANextResponseCycleThatBreachesOnce()
    {
        await OpenAsync();
        await PostAsync(Customer, "Hello?");
        await PostAsync(Alice, "Hi!");
        cluster.Clock.Advance(TimeSpan.FromMinutes(10));
        var firstWait = Now;
        await PostAsync(Customer, "Still broken");
        var waiting = await Conversation.GetDetailsAsync();
        await PostAsync(Customer, "Any news?"); // the same wait
        cluster.Clock.Advance(TimeSpan.FromHours(2));
        await Timer.ReceiveReminder("sla", default);
        await Timer.ReceiveReminder("sla", default);
        var breached = await Conversation.GetDetailsAsync();

        await PostAsync(Alice, "Fixed now.");
        var answered = await Conversation.GetDetailsAsync();
        cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        var secondWait = Now;
        await PostAsync(Customer, "It broke again");
        cluster.Clock.Advance(TimeSpan.FromHours(2));
        await Timer.ReceiveReminder("sla", default);

        Assert.Equal(firstWait.AddHours(2), waiting.SlaDueAt);
        Assert.True(breached.SlaBreached);
        Assert.False(answered.SlaBreached);
        Assert.Equal(
            [(SlaMetric.NextResponse, firstWait.AddHours(2)), (SlaMetric.NextResponse, secondWait.AddHours(2))],
            (await BreachesAsync()).Select(b => (b.Metric, b.Due)));
        Assert.True((await Conversation.GetDetailsAsync()).SlaBreached);
    }

    [Fact]
    public async Task ReceiveReminder_UnresolvedPastTheResolutionTarget_OneResolutionBreachUntilResolved()
    {
        var opened = (await OpenAsync()).OpenedAt;
        await PostAsync(Alice, "We are on it.");
        cluster.Clock.Advance(TimeSpan.FromHours(8));

        await Timer.ReceiveReminder("sla", default);
        var breached = await Conversation.GetDetailsAsync();
        await Timer.ReceiveReminder("sla", default);
        var resolved = await Conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, Alice));

        var breach = Assert.Single(await BreachesAsync());
        Assert.Equal((SlaMetric.Resolution, opened.AddHours(8)), (breach.Metric, breach.Due));
        Assert.Equal(((DateTimeOffset?)null, true), (breached.SlaDueAt, breached.SlaBreached));
        Assert.Equal(((DateTimeOffset?)null, false), (resolved.SlaDueAt, resolved.SlaBreached));
    }

    [Fact]
    public async Task ReceiveReminder_AfterTheConversationIsReactivated_TheRecordedBreachIsNotRepeated()
    {
        await OpenAsync();
        cluster.Clock.Advance(TimeSpan.FromHours(1));
        await Timer.ReceiveReminder("sla", default);

        await cluster.DeactivateAsync(Conversation);
        await Timer.ReceiveReminder("sla", default);

        Assert.Single(await BreachesAsync());
        Assert.True((await Conversation.GetDetailsAsync()).SlaBreached);
    }

    [Fact]
    public async Task Inbox_RebuiltFromTheStore_SameSlaColumnsAsTheGrainAnnounced()
    {
        await OpenAsync();
        await PostAsync(Customer, "Hello?");
        cluster.Clock.Advance(TimeSpan.FromMinutes(20));
        await Conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Pending, null, Alice));
        cluster.Clock.Advance(TimeSpan.FromMinutes(30));
        await PostAsync(Customer, "Here is the screenshot"); // reopens: the pause ends
        cluster.Clock.Advance(TimeSpan.FromHours(1));
        await Timer.ReceiveReminder("sla", default);
        var announced = await InboxRowAsync(r => r.SlaBreached);

        await cluster.DeactivateAsync(cluster.Grains.GetGrain<IInboxGrain>(workspaceId));
        var rebuilt = Assert.Single(await cluster.Grains.GetGrain<IInboxGrain>(workspaceId).ListAsync(new InboxQuery()));

        Assert.Equal(announced with { Labels = null }, rebuilt with { Labels = null });
        Assert.Equal((await Conversation.GetDetailsAsync()).SlaDueAt, rebuilt.SlaDueAt);
    }

    [Fact]
    public async Task SlaReminder_Stored_ArmedForTheDueAndRemovedOnceNothingCanBreach()
    {
        var details = await OpenAsync();
        var armed = await StoredSlaReminderAsync();
        await Conversation.ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, Alice));
        var disarmed = await StoredSlaReminderAsync();

        // The reminder runs on real time, the due instant is domain time: compare the remaining waits.
        var expectedStart = DateTime.UtcNow + (details.SlaDueAt!.Value - Now);
        Assert.NotNull(armed);
        Assert.InRange(armed.StartAt, expectedStart - TimeSpan.FromSeconds(30), expectedStart + TimeSpan.FromSeconds(1));
        Assert.Null(disarmed);
    }

    [Fact]
    public async Task ReceiveReminder_AfterTheWorkspacePolicyChanged_ReArmsForTheNewDue()
    {
        var opened = (await OpenAsync()).OpenedAt;
        await PostAsync(Customer, "Hello?");
        var slower = SlaPolicy.Create(new SlaTargets(Priority.Normal, TimeSpan.FromHours(3), TimeSpan.FromHours(4), TimeSpan.FromHours(8)));
        await cluster.Grains.GetGrain<IWorkspaceGrain>(workspaceId).ConfigureSlaAsync(new ConfigureSla(BusinessCalendar.AlwaysOpen, slower, "user:admin"));
        cluster.Clock.Advance(TimeSpan.FromMinutes(30));

        // The conversation's facts did not change, its policy did: the due instant is evaluated again, not reused.
        await Timer.ReceiveReminder("sla", default);
        var armed = await StoredSlaReminderAsync();

        Assert.Empty(await BreachesAsync());
        var expectedStart = DateTime.UtcNow + (opened.AddHours(3) - Now);
        Assert.NotNull(armed);
        Assert.InRange(armed.StartAt, expectedStart - TimeSpan.FromSeconds(30), expectedStart + TimeSpan.FromSeconds(1));
    }

    private async Task<ConversationDetails> OpenAsync() =>
        await Conversation.OpenAsync(new OpenConversation(Customer.Id, Customer.DisplayName, Channel.Chat, "Order 42", null, Customer.Actor));

    private Task<MessageDetails> PostAsync(Author author, string body) =>
        Conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), author, body));

    private async Task<IReadOnlyList<ConversationSlaBreached>> BreachesAsync() =>
        [.. (await cluster.ReadEventsAsync(StreamIds.For(StreamIds.ConversationCategory, workspaceId, "c1"))).OfType<ConversationSlaBreached>()];

    private async Task<ConversationSummary> InboxRowAsync(Func<ConversationSummary, bool> accept) =>
        (await Eventually.ReturnsAsync(
            () => cluster.Grains.GetGrain<IInboxGrain>(workspaceId).ListAsync(new InboxQuery()),
            rows => rows.Any(r => r.ConversationId == "c1" && accept(r)),
            "the inbox row of c1 to match")).Single(r => r.ConversationId == "c1");

    private async Task<ReminderEntry?> StoredSlaReminderAsync()
    {
        await using var table = new SqliteReminderTable(new EventStoreOptions { DataPath = cluster.DataPath }, cluster.Cluster.Options.ServiceId);
        return await table.ReadRow(Conversation.GetGrainId(), "sla");
    }
}
