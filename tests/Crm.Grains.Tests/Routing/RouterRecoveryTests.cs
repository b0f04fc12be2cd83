using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Conversations.Events;
using Crm.Grains.Queues.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Routing;

/// <summary>
/// The router's facts come from the store and its decisions live in its own stream: a lost nudge or a lost activation
/// loses nothing, and a reopened conversation comes back to routing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RouterRecoveryTests(CrmClusterFixture cluster) : IAsyncLifetime
{
    private readonly RoutingTestKit kit = new(cluster);

    public Task InitializeAsync() => kit.ConfigureQueueAsync("support", new QueuePolicy(AssignmentPolicy.LeastLoaded));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SweepAsync_ConversationOpenedWithoutANudge_FoundInTheStoreAndRouted()
    {
        await kit.AgentAsync("alice", chats: 1);
        // Written behind every grain's back, as if the nudge was lost in a crash right after the commit.
        await cluster.AppendEventsAsync(StreamIds.For(StreamIds.ConversationCategory, kit.WorkspaceId, "c1"), RoutingTestKit.Customer.Actor,
            new ConversationOpened(kit.WorkspaceId, "c1", "cust-1", "Ada", Channel.Chat, "Help", "support"));

        await kit.Router.SweepAsync();

        Assert.Equal("alice", (await kit.Conversation("c1").GetDetailsAsync()).AssigneeId);
    }

    [Fact]
    public async Task GetBoardAsync_AfterTheRouterIsDeactivated_SameBoardRebuiltFromItsStream()
    {
        await kit.AgentAsync("alice", chats: 1);
        await kit.OpenAsync("c1");
        await kit.OpenAsync("c2");
        await kit.AssignedAsync("c1", "alice");
        var before = await kit.BoardAsync();

        await cluster.DeactivateAsync(kit.Router);
        var after = await kit.BoardAsync();

        Assert.Equal(Rows(before), Rows(after));
        Assert.Equal(["alice"], await kit.AssigneeHistoryAsync("c1"));
    }

    [Fact]
    public async Task GetBoardAsync_ConversationQueuedByTheOldQueueGrain_CarriedOverIntoItsQueue()
    {
        await kit.OpenAsync("c1", queueId: null);
        await cluster.AppendEventsAsync(StreamIds.For(StreamIds.QueueCategory, kit.WorkspaceId, "support"), "system:seed", new ConversationEnqueued("c1", 2));

        await kit.AgentAsync("alice", chats: 1);

        await kit.AssignedAsync("c1", "alice");
    }

    [Fact]
    public async Task PostMessageAsync_CustomerWritesToAResolvedChat_BackToItsAgentWhileTheyHaveRoom()
    {
        await kit.AgentAsync("alice", chats: 1);
        await kit.AgentAsync("bert", chats: 1);
        await kit.OpenAsync("c1");
        await kit.AssignedAsync("c1", "alice");
        await kit.ResolveAsync("c1", "alice");

        await kit.Conversation("c1").PostMessageAsync(new PostMessage(Guid.NewGuid(), RoutingTestKit.Customer, "One more thing"));

        var workload = await Crm.Testing.Eventually.ReturnsAsync(() => kit.WorkloadAsync("alice"), a => a.Conversations.Count == 1, "c1 back with alice");
        Assert.Equal(["c1"], workload.Conversations);
        Assert.Equal(["alice"], await kit.AssigneeHistoryAsync("c1"));
    }

    [Fact]
    public async Task PostMessageAsync_CustomerWritesToAResolvedChatWhileItsAgentIsFull_ToTheFrontForSomeoneElse()
    {
        await kit.AgentAsync("alice", chats: 1);
        await kit.OpenAsync("c1");
        await kit.AssignedAsync("c1", "alice");
        await kit.ResolveAsync("c1", "alice");
        await kit.OpenAsync("c2");
        await kit.AssignedAsync("c2", "alice");

        await kit.Conversation("c1").PostMessageAsync(new PostMessage(Guid.NewGuid(), RoutingTestKit.Customer, "One more thing"));

        await kit.AssignedAsync("c1", null);
        var waiting = (await kit.Router.GetQueueAsync("support")).Waiting.Single();
        Assert.Equal(("c1", true), (waiting.ConversationId, waiting.Requeued));
        await kit.AgentAsync("bert", chats: 1);
        await kit.AssignedAsync("c1", "bert");
        Assert.Equal(1, (await kit.WorkloadAsync("alice")).ChatLoad);
    }

    private static IEnumerable<string> Rows(BoardDetails board) =>
        board.Queues.SelectMany(q => q.Waiting.Select(w => $"{q.QueueId}:{w.ConversationId}:{w.Priority}:{w.EnqueuedAt:O}:{w.OfferedTo}"))
            .Concat(board.Agents.Select(a => $"{a.AgentId}:{a.Status}:{a.ChatLoad}/{a.ChatCapacity}:{string.Join(",", a.Conversations)}:{a.AssignedToday}"));
}
