using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Notifications;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Grains.Routing.Events;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Notifications;

/// <summary>
/// Given a workspace's conversation and routing events, the notification projection records exactly one notification
/// per happening for the agent it concerns (and none for anyone else) in their stored, bounded centre.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NotificationsGrainTests(CrmClusterFixture cluster)
{
    private static readonly Author Customer = new(AuthorKind.Customer, "cust-1", "Ada Lovelace");
    private static readonly Author Alice = new(AuthorKind.Agent, "alice", "Alice");
    private static readonly Author Bob = new(AuthorKind.Agent, "bob", "Bob");

    private readonly string _workspaceId = TestKeys.NewWorkspaceId();

    [Fact]
    public async Task AssignAsync_BySomeoneElse_OneAssignedForTheAssigneeNoneForOthers()
    {
        var conversation = await OpenedAsync("c1");

        await conversation.AssignAsync(new AssignConversation("alice", "Alice", Bob));

        var note = Assert.Single((await ArrivedAsync("alice", 1)).Items);
        Assert.Equal((NotificationKind.Assigned, "c1", false), (note.Kind, note.ConversationId, note.Read));
        await AssertNothingForAsync("bob");
    }

    [Fact]
    public async Task PostMessageAsync_CustomerRepliesOnMyConversation_OneCustomerReplied()
    {
        var conversation = await OpenedAsync("c1");
        await conversation.AssignAsync(new AssignConversation("alice", "Alice", Alice));

        await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Customer, "Any news on my order?"));

        var note = Assert.Single((await ArrivedAsync("alice", 1)).Items);
        Assert.Equal((NotificationKind.CustomerReplied, "Any news on my order?"), (note.Kind, note.Body));
        await AssertNothingForAsync("bob");
    }

    [Fact]
    public async Task PostMessageAsync_NoteMentioningBob_OneMentionedForBob()
    {
        var conversation = await OpenedAsync("c1");

        await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Alice, "@bob can you look?", MessageKind.Note, ["bob"]));

        Assert.Equal(NotificationKind.Mentioned, Assert.Single((await ArrivedAsync("bob", 1)).Items).Kind);
        await AssertNothingForAsync("alice");
    }

    [Fact]
    public async Task ConversationOffered_ToAlice_OneOfferedForAlice()
    {
        await OpenedAsync("c1");

        await cluster.AppendEventsAsync(StreamIds.Routing(_workspaceId), "system:router",
            new ConversationOffered("c1", "alice", cluster.Clock.GetUtcNow().AddMinutes(1)));

        Assert.Equal(NotificationKind.Offered, Assert.Single((await ArrivedAsync("alice", 1)).Items).Kind);
        await AssertNothingForAsync("bob");
    }

    [Fact]
    public async Task SlaCheck_MyConversationDueWithinTenMinutes_OneSlaDueSoon()
    {
        var workspace = cluster.Grains.GetGrain<IWorkspaceGrain>(_workspaceId);
        await workspace.CreateAsync(new CreateWorkspace("Acme", "user:admin"));
        await workspace.ConfigureSlaAsync(new ConfigureSla(BusinessCalendar.AlwaysOpen,
            SlaPolicy.Create(new SlaTargets(Priority.Normal, TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(8))), "user:admin"));
        var conversation = await OpenedAsync("c1");
        await conversation.AssignAsync(new AssignConversation("alice", "Alice", Alice));

        cluster.Clock.Advance(TimeSpan.FromMinutes(55));

        var note = Assert.Single((await ArrivedAsync("alice", 1, TimeSpan.FromSeconds(45))).Items);
        Assert.Equal((NotificationKind.SlaDueSoon, "SLA due in 5 min"), (note.Kind, note.Title));
        await AssertNothingForAsync("bob");
    }

    [Fact]
    public async Task MarkReadAsync_OneThenAll_UnreadCountFollowsAndSurvivesReactivation()
    {
        var alice = Notifications("alice");
        for (var i = 1; i <= 3; i++)
            await alice.RecordAsync(new RecordNotification($"n{i}", NotificationKind.Mentioned, "t", "b", "c1", i));

        var afterOne = await alice.MarkReadAsync(new MarkNotificationsRead(["n2"], false, "agent:alice"));
        Assert.Equal(2, afterOne.Unread);
        Assert.True(afterOne.Items.Single(n => n.Id == "n2").Read);

        Assert.Equal(0, (await alice.MarkReadAsync(new MarkNotificationsRead([], true, "agent:alice"))).Unread);
        await cluster.DeactivateAsync(alice);
        var reloaded = await alice.ListAsync();
        Assert.Equal((3, 0), (reloaded.Items.Count, reloaded.Unread));
    }

    [Fact]
    public async Task MarkReadAsync_UnknownIdOrTooMany_RefusedAndNothingStored()
    {
        var alice = Notifications("alice");
        await alice.RecordAsync(new RecordNotification("n1", NotificationKind.Mentioned, "t", "b", "c1", 1));

        var unknown = await Assert.ThrowsAsync<DomainException>(() => alice.MarkReadAsync(new MarkNotificationsRead(["n1", "nope"], false, "agent:alice")));
        var tooMany = await Assert.ThrowsAsync<DomainException>(() =>
            alice.MarkReadAsync(new MarkNotificationsRead([.. Enumerable.Range(0, MarkNotificationsRead.MaxIds + 1).Select(i => $"x{i}")], false, "agent:alice")));

        Assert.Equal((DomainErrorKind.NotFound, DomainErrorKind.Invalid), (unknown.Kind, tooMany.Kind));
        Assert.Equal(1, (await alice.ListAsync()).Unread);
    }

    [Fact]
    public async Task RecordAsync_MoreThanKeptAndReplayed_BoundedNewestFirstEachOnce()
    {
        var alice = Notifications("alice");
        for (var i = 1; i <= INotificationsGrain.Keep + 10; i++)
            await alice.RecordAsync(new RecordNotification($"e{i}", NotificationKind.CustomerReplied, "t", "b", "c1", i));
        // A projection replaying after a crash sends what it sent before.
        await alice.RecordAsync(new RecordNotification("e5", NotificationKind.CustomerReplied, "t", "b", "c1", 5));

        await cluster.DeactivateAsync(alice);
        var list = await alice.ListAsync();

        Assert.Equal(INotificationsGrain.Keep, list.Items.Count);
        Assert.Equal($"e{INotificationsGrain.Keep + 10}", list.Items[0].Id);
        Assert.Equal(INotificationsGrain.Keep, list.Unread);
    }

    [Fact]
    public async Task Projection_RestartedAfterNotifying_AnnouncesNothingTwice()
    {
        var conversation = await OpenedAsync("c1");
        await conversation.AssignAsync(new AssignConversation("alice", "Alice", Bob));
        await ArrivedAsync("alice", 1);

        await cluster.DeactivateAsync(cluster.Grains.GetGrain<INotificationProjectionGrain>(_workspaceId));
        await cluster.DeactivateAsync(Notifications("alice"));
        await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), Customer, "Thanks"));

        var list = await ArrivedAsync("alice", 2);
        Assert.Equal([NotificationKind.CustomerReplied, NotificationKind.Assigned], list.Items.Select(n => n.Kind));
    }

    private INotificationsGrain Notifications(string agentId) =>
        cluster.Grains.GetGrain<INotificationsGrain>(GrainKeys.Scoped(_workspaceId, agentId));

    private async Task<IConversationGrain> OpenedAsync(string id)
    {
        var conversation = cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(_workspaceId, id));
        await conversation.OpenAsync(new OpenConversation(Customer.Id, Customer.DisplayName, Channel.Chat, "Order 42", null, Customer.Actor));
        return conversation;
    }

    /// <summary>The projection runs after the commits: wait until the agent has <paramref name="count"/>, then a moment for any extra.</summary>
    private async Task<NotificationList> ArrivedAsync(string agentId, int count, TimeSpan? within = null)
    {
        await Eventually.ReturnsAsync(() => Notifications(agentId).ListAsync(), l => l.Items.Count >= count,
            $"{count} notification(s) for {agentId}", within ?? TimeSpan.FromSeconds(15));
        await cluster.Grains.GetGrain<INotificationProjectionGrain>(_workspaceId).WakeAsync();
        return await Notifications(agentId).ListAsync();
    }

    private async Task AssertNothingForAsync(string agentId)
    {
        await cluster.Grains.GetGrain<INotificationProjectionGrain>(_workspaceId).WakeAsync();
        Assert.Empty((await Notifications(agentId).ListAsync()).Items);
    }
}
