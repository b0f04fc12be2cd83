using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Conversations.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Conversations;

/// <summary>
/// The router's hand on a conversation is a compare-and-set: it lands only from an assignee the router knows about,
/// on an open or pending conversation, and never behind a newer route. Otherwise nothing changes and the answer says why.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConversationRoutingTests(CrmClusterFixture cluster)
{
    private static readonly Author Sam = new(AuthorKind.Agent, "sam", "Sam");

    private readonly ConversationTestKit kit = new(cluster);

    [Fact]
    public async Task RouteAsync_Unassigned_AssignedByRoutingWithItsRouteNumber()
    {
        var conversation = await kit.OpenedAsync("c1");

        var routed = await conversation.RouteAsync(new RouteConversation("alice", "Alice", null, 7));

        Assert.Equal(("alice", "Alice"), (routed.AssigneeId, routed.AssigneeName));
        var assigned = (await kit.EventsAsync("c1")).OfType<ConversationAssigned>().Single();
        Assert.Equal((7L, "system:routing"), (assigned.RouteNo, assigned.By));
    }

    [Fact]
    public async Task RouteAsync_SameRouteDeliveredTwice_OneEvent()
    {
        var conversation = await kit.OpenedAsync("c1");

        await conversation.RouteAsync(new RouteConversation("alice", "Alice", null, 7));
        await conversation.RouteAsync(new RouteConversation("alice", "Alice", null, 7));

        Assert.Single((await kit.EventsAsync("c1")).OfType<ConversationAssigned>());
    }

    [Fact]
    public async Task RouteAsync_APersonAssignedItMeanwhile_ChangesNothingAndTellsWho()
    {
        var conversation = await kit.OpenedAsync("c1");
        await conversation.AssignAsync(new AssignConversation("carol", "Carol", Sam));

        var answer = await conversation.RouteAsync(new RouteConversation("alice", "Alice", null, 7));

        Assert.Equal("carol", answer.AssigneeId);
        Assert.Single((await kit.EventsAsync("c1")).OfType<ConversationAssigned>());
    }

    [Fact]
    public async Task RouteAsync_FromTheAgentItIsTakenBackFrom_Reassigned()
    {
        var conversation = await kit.OpenedAsync("c1");
        await conversation.RouteAsync(new RouteConversation("alice", "Alice", null, 7));

        var moved = await conversation.RouteAsync(new RouteConversation("bert", "Bert", "alice", 9));

        Assert.Equal("bert", moved.AssigneeId);
    }

    [Fact]
    public async Task RouteAsync_OlderRouteThanTheLastApplied_ChangesNothing()
    {
        var conversation = await kit.OpenedAsync("c1");
        await conversation.RouteAsync(new RouteConversation(null, null, null, 1));
        await conversation.RouteAsync(new RouteConversation("bert", "Bert", null, 9));

        var stale = await conversation.RouteAsync(new RouteConversation("alice", "Alice", "bert", 8));

        Assert.Equal("bert", stale.AssigneeId);
    }

    [Theory]
    [InlineData(ConversationStatus.Resolved)]
    [InlineData(ConversationStatus.Closed)]
    public async Task RouteAsync_NotOpenOrPending_ChangesNothing(ConversationStatus status)
    {
        var conversation = await kit.OpenedAsync("c1");
        await conversation.ChangeStatusAsync(new ChangeStatus(status, null, Sam));

        var answer = await conversation.RouteAsync(new RouteConversation("alice", "Alice", null, 7));

        Assert.Equal((status, (string?)null), (answer.Status, answer.AssigneeId));
    }
}
