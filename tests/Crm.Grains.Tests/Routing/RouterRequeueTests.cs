using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Routing.Events;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Routing;

/// <summary>
/// An agent who goes offline gives their chats back to the front of the queue; a connection that flaps for less than
/// the presence grace changes nothing. People assigning by hand are believed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RouterRequeueTests(CrmClusterFixture cluster) : IAsyncLifetime
{
    private readonly RoutingTestKit kit = new(cluster);

    public Task InitializeAsync() => kit.ConfigureQueueAsync("support", new QueuePolicy(AssignmentPolicy.LeastLoaded));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SweepAsync_AgentGoesOffline_TheirChatsGoBackToTheFrontAheadOfUrgentWork()
    {
        await kit.AgentAsync("alice", chats: 2);
        await kit.AgentAsync("bert", chats: 2, online: false);
        await kit.OpenAsync("c1");
        await kit.OpenAsync("c2");
        await kit.AssignedAsync("c1", "alice");
        await kit.AssignedAsync("c2", "alice");
        await kit.OpenAsync("urgent");
        await kit.Conversation("urgent").SetPriorityAsync(new SetPriority(Priority.Urgent, new Author(AuthorKind.Agent, "sam", "Sam")));

        await kit.OfflineAsync("alice");

        await kit.AssignedAsync("c1", null);
        await kit.AssignedAsync("c2", null);
        var queue = await kit.Router.GetQueueAsync("support");
        Assert.Equal(["c1", "c2", "urgent"], queue.Waiting.Select(w => w.ConversationId));
        Assert.Equal([true, true, false], queue.Waiting.Select(w => w.Requeued));
        Assert.Equal(0, (await kit.WorkloadAsync("alice")).ChatLoad);

        await kit.OnlineAsync("bert");

        await kit.AssignedAsync("c1", "bert");
        await kit.AssignedAsync("c2", "bert");
        Assert.Equal(["urgent"], await kit.WaitingAsync());
        Assert.Equal(["alice", null, "bert"], await kit.AssigneeHistoryAsync("c1"));
    }

    [Fact]
    public async Task SweepAsync_AgentGoesOfflineWhileAnotherHasRoom_ChatMovesStraightToThem()
    {
        await kit.AgentAsync("alice", chats: 1);
        await kit.OpenAsync("c1");
        await kit.AssignedAsync("c1", "alice");
        await kit.AgentAsync("bert", chats: 1);

        await kit.OfflineAsync("alice");

        await kit.AssignedAsync("c1", "bert");
        Assert.Equal(["alice", "bert"], await kit.AssigneeHistoryAsync("c1"));
        var requeued = (await kit.RouterEventsAsync()).OfType<ConversationRequeued>().Single();
        Assert.Equal(("c1", "alice", true), (requeued.ConversationId, requeued.AgentId, requeued.AwaitsRelease));
    }

    [Fact]
    public async Task HeartbeatAsync_ConnectionFlapsShorterThanTheGrace_ChatsStayWithTheAgent()
    {
        await kit.AgentAsync("alice", chats: 2);
        await kit.AgentAsync("bert", chats: 2);
        await kit.OpenAsync("c1");
        await kit.AssignedAsync("c1", "alice");

        foreach (var _ in Enumerable.Range(0, 3))
        {
            await kit.DisconnectAsync("alice");
            await kit.AdvanceAsync(AgentPresenceTimings.Grace - TimeSpan.FromSeconds(2));
            await kit.Agent("alice").SweepAsync();
            await kit.OnlineAsync("alice");
        }
        await kit.AdvanceAsync(TimeSpan.FromSeconds(30));
        await kit.Agent("alice").SweepAsync();

        Assert.Equal("alice", (await kit.Conversation("c1").GetDetailsAsync()).AssigneeId);
        Assert.Equal(["alice"], await kit.AssigneeHistoryAsync("c1"));
        Assert.DoesNotContain(await kit.RouterEventsAsync(), e => e is ConversationRequeued);
    }

    [Fact]
    public async Task HeartbeatAsync_FlapLongerThanTheGrace_RequeuedThenBackToTheAgentWhenTheyReturn()
    {
        await kit.AgentAsync("alice", chats: 1);
        await kit.OpenAsync("c1");
        await kit.AssignedAsync("c1", "alice");

        await kit.OfflineAsync("alice");
        await kit.AssignedAsync("c1", null);
        await kit.OnlineAsync("alice");

        await kit.AssignedAsync("c1", "alice");
        Assert.Equal(["alice", null, "alice"], await kit.AssigneeHistoryAsync("c1"));
    }

    [Fact]
    public async Task AssignAsync_PersonUnassignsARoutedChat_RoutedAgainToSomeoneElseFirst()
    {
        await kit.AgentAsync("alice", chats: 1);
        await kit.AgentAsync("bert", chats: 1);
        await kit.OpenAsync("c1");
        await kit.AssignedAsync("c1", "alice");

        await kit.Conversation("c1").AssignAsync(new AssignConversation(null, null, new Author(AuthorKind.Agent, "sam", "Sam")));

        await kit.AssignedAsync("c1", "bert");
        Assert.Equal(["alice", null, "bert"], await kit.AssigneeHistoryAsync("c1"));
        Assert.Equal(0, (await kit.WorkloadAsync("alice")).ChatLoad);
    }

    [Fact]
    public async Task AssignAsync_PersonReassignsToAnotherAgent_LoadMovesWithIt()
    {
        await kit.AgentAsync("alice", chats: 1);
        await kit.AgentAsync("bert", chats: 1, online: false);
        await kit.OpenAsync("c1");
        await kit.AssignedAsync("c1", "alice");
        await kit.OpenAsync("c2");

        await kit.Conversation("c1").AssignAsync(new AssignConversation("bert", "Bert", new Author(AuthorKind.Agent, "sam", "Sam")));

        await kit.AssignedAsync("c2", "alice");
        var board = await kit.BoardAsync();
        Assert.Equal(["c1"], board.Agents.Single(a => a.AgentId == "bert").Conversations);
        Assert.Equal(["c2"], board.Agents.Single(a => a.AgentId == "alice").Conversations);
    }
}
