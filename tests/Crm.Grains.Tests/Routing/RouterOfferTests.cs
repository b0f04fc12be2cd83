using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Routing.Events;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Routing;

/// <summary>
/// Offer-and-accept: work is offered to one agent at a time and holds one of their slots; unanswered within the queue's
/// timeout (domain time, checked by the sweep the router's timer runs) it moves to the next agent.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RouterOfferTests(CrmClusterFixture cluster) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly RoutingTestKit kit = new(cluster);

    public async Task InitializeAsync()
    {
        await kit.ConfigureQueueAsync("support", new QueuePolicy(AssignmentPolicy.LeastLoaded, OfferTimeout: Timeout));
        await kit.AgentAsync("alice", chats: 1);
        await kit.AgentAsync("bert", chats: 1);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SweepAsync_OfferUnansweredPastTheTimeout_OfferedToTheNextAgent()
    {
        await kit.OpenAsync("c1");
        var offered = await OfferedToAsync("c1", "alice");

        await kit.AdvanceAsync(Timeout - TimeSpan.FromSeconds(1));
        await kit.Router.SweepAsync();
        var stillAlice = await kit.Router.GetQueueAsync("support");
        await kit.AdvanceAsync(TimeSpan.FromSeconds(1));
        await kit.Router.SweepAsync();

        var moved = await OfferedToAsync("c1", "bert");
        Assert.Equal(cluster.Clock.GetUtcNow(), offered.OfferExpiresAt);
        Assert.Equal("alice", stillAlice.Waiting.Single().OfferedTo);
        Assert.Equal(cluster.Clock.GetUtcNow() + Timeout, moved.OfferExpiresAt);
        Assert.Null((await kit.Conversation("c1").GetDetailsAsync()).AssigneeId);
        Assert.Contains(await kit.RouterEventsAsync(), e => e is ConversationOfferExpired { ConversationId: "c1", AgentId: "alice" });
    }

    [Fact]
    public async Task AcceptOfferAsync_WithinTheTimeout_AssignedToTheAgent()
    {
        await kit.OpenAsync("c1");
        await OfferedToAsync("c1", "alice");

        var accepted = await kit.Router.AcceptOfferAsync(new AnswerOffer("c1", "alice", "agent:alice"));

        Assert.Equal("alice", accepted.AssigneeId);
        Assert.Empty(await kit.WaitingAsync());
        Assert.Equal(1, (await kit.WorkloadAsync("alice")).AssignedToday);
    }

    [Fact]
    public async Task AcceptOfferAsync_AfterTheTimeout_RefusedAsConflict()
    {
        await kit.OpenAsync("c1");
        await OfferedToAsync("c1", "alice");
        await kit.AdvanceAsync(Timeout);

        var refused = await Assert.ThrowsAsync<DomainException>(() => kit.Router.AcceptOfferAsync(new AnswerOffer("c1", "alice", "agent:alice")));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        await OfferedToAsync("c1", "bert");
    }

    [Fact]
    public async Task DeclineOfferAsync_AgentPasses_OfferedToTheNextAtOnce()
    {
        await kit.OpenAsync("c1");
        await OfferedToAsync("c1", "alice");

        await kit.Router.DeclineOfferAsync(new AnswerOffer("c1", "alice", "agent:alice"));

        await OfferedToAsync("c1", "bert");
    }

    [Fact]
    public async Task Plan_OfferOpen_HoldsTheAgentsSlot()
    {
        await kit.OpenAsync("c1");
        await kit.OpenAsync("c2");
        await kit.OpenAsync("c3");

        var queue = await kit.Router.GetQueueAsync("support");

        Assert.Equal([("c1", "alice"), ("c2", "bert"), ("c3", null)], queue.Waiting.Select(w => (w.ConversationId, w.OfferedTo)));
        var board = await kit.BoardAsync();
        Assert.All(board.Agents, a => Assert.Equal((1, 1), (a.ChatLoad, a.Offered.Count)));
    }

    private async Task<Abstractions.Queues.QueuedConversation> OfferedToAsync(string conversationId, string agentId) =>
        (await Eventually.ReturnsAsync(
            () => kit.Router.GetQueueAsync("support"),
            q => q.Waiting.Any(w => w.ConversationId == conversationId && w.OfferedTo == agentId),
            $"{conversationId} offered to {agentId}")).Waiting.Single(w => w.ConversationId == conversationId);
}
