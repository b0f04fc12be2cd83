using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Conversations.Events;
using Crm.Grains.Routing.Events;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Routing;

/// <summary>
/// The backlog drains the moment capacity frees up: an agent comes online, resolves a chat, or gets more capacity.
/// Each test waits on the conversation alone, so it passes only if the change itself made the router act.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RouterDrainTests(CrmClusterFixture cluster) : IAsyncLifetime
{
    private readonly RoutingTestKit kit = new(cluster);

    public Task InitializeAsync() => kit.ConfigureQueueAsync("support", new QueuePolicy(AssignmentPolicy.LeastLoaded));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OpenAsync_QueueWithAnOnlineAgentWithRoom_AssignedToThemByRouting()
    {
        await kit.AgentAsync("alice", chats: 2);

        await kit.OpenAsync("c1");

        var assigned = await kit.AssignedAsync("c1", "alice");
        var @event = (await cluster.ReadEventsAsync(StreamIds.For(StreamIds.ConversationCategory, kit.WorkspaceId, "c1")))
            .OfType<ConversationAssigned>().Single();
        Assert.Equal(("alice", RoutingDefaults.Actor), (assigned.AssigneeId, @event.By));
        Assert.NotNull(@event.RouteNo);
    }

    [Fact]
    public async Task HeartbeatAsync_AgentComesOnline_WaitingWorkDrainsToThem()
    {
        await kit.AgentAsync("alice", chats: 2, online: false);
        await kit.OpenAsync("c1");
        await kit.OpenAsync("c2");
        await kit.AdvanceAsync(TimeSpan.FromSeconds(30));
        var before = (await kit.BoardAsync()).Queues.Single(q => q.QueueId == "support");

        await kit.OnlineAsync("alice");

        await kit.AssignedAsync("c1", "alice");
        await kit.AssignedAsync("c2", "alice");
        Assert.Equal((2, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)), (before.WaitingCount, before.LongestWait, before.AverageWait));
        Assert.Empty(await kit.WaitingAsync());
    }

    [Fact]
    public async Task ChangeStatusAsync_AgentResolvesTheirChat_TheNextWaitingChatGoesToThemAtOnce()
    {
        await kit.AgentAsync("alice", chats: 1);
        await kit.OpenAsync("c1");
        await kit.AssignedAsync("c1", "alice");
        await kit.OpenAsync("c2");
        Assert.Equal(["c2"], await kit.WaitingAsync());

        await kit.ResolveAsync("c1", "alice");

        await kit.AssignedAsync("c2", "alice");
        var alice = await kit.WorkloadAsync("alice");
        Assert.Equal((1, 1), (alice.ChatLoad, alice.ChatCapacity));
        Assert.Equal(["c2"], alice.Conversations);
        Assert.Contains(await kit.RouterEventsAsync(), e => e is ConversationRoutingEnded { ConversationId: "c1", Status: ConversationStatus.Resolved });
    }

    [Fact]
    public async Task ConfigureRoutingAsync_ChatCapacityRaised_WaitingWorkDrains()
    {
        await kit.AgentAsync("alice", chats: 1);
        foreach (var id in new[] { "c1", "c2", "c3" }) await kit.OpenAsync(id);
        await kit.AssignedAsync("c1", "alice");
        Assert.Equal(["c2", "c3"], await kit.WaitingAsync());

        await kit.Agent("alice").ConfigureRoutingAsync(new ConfigureAgentRouting(3, 5, [], [], RoutingTestKit.Admin));

        await kit.AssignedAsync("c2", "alice");
        await kit.AssignedAsync("c3", "alice");
        Assert.Equal(3, (await kit.WorkloadAsync("alice")).ChatLoad);
    }

    [Fact]
    public async Task Plan_MixedPrioritiesAndArrivals_HighestPriorityFirstThenOldestFirst()
    {
        await kit.AgentAsync("alice", chats: 1, online: false);
        foreach (var (id, priority) in new[] { ("a", Priority.Normal), ("b", Priority.Urgent), ("c", Priority.Normal), ("d", Priority.High) })
        {
            await kit.OpenAsync(id);
            await kit.Conversation(id).SetPriorityAsync(new SetPriority(priority, new Author(AuthorKind.Agent, "sam", "Sam")));
            await kit.AdvanceAsync(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(["b", "d", "a", "c"], await kit.WaitingAsync());

        await kit.OnlineAsync("alice");
        var served = new List<string>();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            var next = await Eventually.ReturnsAsync(() => kit.WorkloadAsync("alice"), a => a.Conversations.Count == 1, "alice to hold one chat");
            served.Add(next.Conversations[0]);
            await kit.ResolveAsync(next.Conversations[0], "alice");
        }

        Assert.Equal(["b", "d", "a", "c"], served);
    }

    [Fact]
    public async Task Plan_WorkNeedsASkill_OnlyAnAgentWithItGetsItAndWorkBehindStillGoes()
    {
        await kit.AgentAsync("alice", chats: 3);
        await kit.AgentAsync("bert", chats: 3, skills: ["de"]);
        await kit.OpenAsync("busy-1");
        await kit.AssignedAsync("busy-1", "alice");
        await kit.OpenAsync("busy-2");
        await kit.AssignedAsync("busy-2", "bert");

        await kit.OpenAsync("german", skills: ["DE"]);
        await kit.OpenAsync("french", skills: ["fr"]);
        await kit.OpenAsync("plain");

        await kit.AssignedAsync("german", "bert");
        await kit.AssignedAsync("plain", "alice");
        var waiting = (await kit.Router.GetQueueAsync("support")).Waiting.Single();
        Assert.Equal("french", waiting.ConversationId);
        Assert.Equal(["fr"], waiting.Skills!);
    }

    [Fact]
    public async Task Plan_TeamQueue_OnlyItsMembersGetItsWork()
    {
        await kit.ConfigureQueueAsync("billing", new QueuePolicy(AssignmentPolicy.LeastLoaded, TeamId: "billing"));
        await kit.AgentAsync("alice", chats: 3, teams: ["support"]);
        await kit.OpenAsync("bill-1", queueId: "billing");
        Assert.Equal(["bill-1"], await kit.WaitingAsync("billing"));

        await kit.AgentAsync("bert", chats: 1, teams: ["billing"]);

        await kit.AssignedAsync("bill-1", "bert");
        Assert.Empty((await kit.WorkloadAsync("alice")).Conversations);
    }

    [Fact]
    public async Task Plan_UnconfiguredQueue_WorkWaitsVisiblyUntilAPersonAssignsItThenCountsOnThatAgent()
    {
        await kit.AgentAsync("alice", chats: 2);
        await kit.OpenAsync("c1", queueId: "sales");
        await kit.AdvanceAsync(TimeSpan.FromMinutes(2));

        var queue = await kit.Router.GetQueueAsync("sales");
        await kit.Conversation("c1").AssignAsync(new AssignConversation("alice", "Alice", new Author(AuthorKind.Agent, "sam", "Sam")));

        Assert.Equal((AssignmentPolicy.Manual, 1, TimeSpan.FromMinutes(2)), (queue.Policy!.Assignment, queue.WaitingCount, queue.LongestWait));
        var alice = await Eventually.ReturnsAsync(() => kit.WorkloadAsync("alice"), a => a.ChatLoad == 1, "alice to hold c1");
        Assert.Equal(["c1"], alice.Conversations);
        Assert.Empty(await kit.WaitingAsync("sales"));
    }

    [Fact]
    public async Task Plan_ChatAndTicket_CountedAgainstTheirOwnCapacities()
    {
        await kit.AgentAsync("alice", chats: 1, tickets: 1);

        await kit.OpenAsync("chat-1");
        await kit.OpenAsync("mail-1", channel: Channel.Email);
        await kit.OpenAsync("chat-2");

        await kit.AssignedAsync("chat-1", "alice");
        await kit.AssignedAsync("mail-1", "alice");
        var alice = await kit.WorkloadAsync("alice");
        Assert.Equal((1, 1), (alice.ChatLoad, alice.TicketLoad));
        Assert.Equal(["chat-2"], await kit.WaitingAsync());
    }

    [Fact]
    public async Task Plan_AgentAwayOrBusy_KeepsTheirWorkAndGetsNoMore()
    {
        await kit.AgentAsync("alice", chats: 3);
        await kit.OpenAsync("c1");
        await kit.AssignedAsync("c1", "alice");

        await kit.Agent("alice").SetPresenceAsync(new SetAgentPresence(AgentStatus.Away, "agent:alice"));
        await kit.OpenAsync("c2");

        var board = await kit.BoardAsync();
        Assert.Equal(["c2"], board.Queues.Single(q => q.QueueId == "support").Waiting.Select(w => w.ConversationId));
        Assert.Equal(AgentStatus.Away, board.Agents.Single().Status);
        Assert.Equal(["c1"], board.Agents.Single().Conversations);
    }
}
