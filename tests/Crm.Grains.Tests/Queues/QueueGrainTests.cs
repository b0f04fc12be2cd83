using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Queues;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.EventSourcing;
using Crm.Grains.Routing.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Queues;

/// <summary>A queue grain is a window onto the workspace's router: what it queues and lists is the router's own list.</summary>
[Collection(ClusterCollection.Name)]
public sealed class QueueGrainTests(CrmClusterFixture cluster)
{
    private static readonly Author Customer = new(AuthorKind.Customer, "cust-1", "Ada");

    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private IQueueGrain Queue => cluster.Grains.GetGrain<IQueueGrain>(GrainKeys.Scoped(workspaceId, "support"));

    [Fact]
    public async Task EnqueueAsync_ConversationAlreadyWaiting_WritesNothingAndKeepsItsPlace()
    {
        await OpenAsync("c-1");
        var enqueuedAt = cluster.Clock.GetUtcNow();
        await Queue.EnqueueAsync(new EnqueueConversation("c-1", 1, "user:sam"));
        cluster.Clock.Advance(TimeSpan.FromMinutes(2));

        var again = await Queue.EnqueueAsync(new EnqueueConversation("c-1", 3, "user:sam"));

        var waiting = Assert.Single(again.Waiting);
        Assert.Equal(("c-1", 1, enqueuedAt, TimeSpan.FromMinutes(2)), (waiting.ConversationId, waiting.Priority, waiting.EnqueuedAt, again.LongestWait));
        Assert.Single((await RouterEventsAsync()).OfType<ConversationQueued>());
    }

    [Fact]
    public async Task EnqueueAsync_MixedPriorities_HighestPriorityFirstThenOldestFirstAlsoAfterARebuild()
    {
        foreach (var (conversationId, priority) in new[] { ("a", 1), ("b", 3), ("c", 1), ("d", 3), ("e", 0), ("f", 2) })
        {
            await OpenAsync(conversationId);
            await Queue.EnqueueAsync(new EnqueueConversation(conversationId, priority, "user:sam"));
            cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var details = await Queue.GetDetailsAsync();

        Assert.Equal(["b", "d", "f", "a", "c", "e"], details.Waiting.Select(w => w.ConversationId));
        Assert.Equal((workspaceId, "support", AssignmentPolicy.Manual), (details.WorkspaceId, details.QueueId, details.Policy!.Assignment));

        await cluster.DeactivateAsync(cluster.Grains.GetGrain<IRouterGrain>(workspaceId));
        Assert.Equal(
            details.Waiting.Select(w => (w.ConversationId, w.Priority, w.EnqueuedAt)),
            (await Queue.GetDetailsAsync()).Waiting.Select(w => (w.ConversationId, w.Priority, w.EnqueuedAt)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(int.MaxValue)]
    public async Task EnqueueAsync_PriorityOutside0To3_RefusedAndNothingWritten(int priority)
    {
        await OpenAsync("c-1");

        var refused = await Assert.ThrowsAsync<DomainException>(() => Queue.EnqueueAsync(new EnqueueConversation("c-1", priority, "user:sam")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal("Priority must be 0 (low) to 3 (urgent).", refused.Message);
        Assert.Empty((await RouterEventsAsync()).OfType<ConversationQueued>());
        Assert.Empty((await Queue.GetDetailsAsync()).Waiting);
    }

    [Fact]
    public async Task EnqueueAsync_InvalidConversationId_RefusedAndNothingWritten()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Queue.EnqueueAsync(new EnqueueConversation("C 1", 1, "user:sam")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.StartsWith("The conversation id", refused.Message);
        Assert.Empty(await RouterEventsAsync());
    }

    [Fact]
    public async Task EnqueueAsync_UnknownConversation_RefusedAsNotFound()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Queue.EnqueueAsync(new EnqueueConversation("c-404", 1, "user:sam")));

        Assert.Equal(DomainErrorKind.NotFound, refused.Kind);
    }

    [Fact]
    public async Task EnqueueAsync_ResolvedConversation_RefusedAsConflict()
    {
        await OpenAsync("c-1");
        await Conversation("c-1").ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, new Author(AuthorKind.Agent, "sam", "Sam")));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Queue.EnqueueAsync(new EnqueueConversation("c-1", 1, "user:sam")));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
    }

    [Fact]
    public async Task OpenAsync_WithAQueue_WaitsThereWithoutBeingQueuedByHand()
    {
        await Conversation("c-1").OpenAsync(new OpenConversation(Customer.Id, Customer.DisplayName, Channel.Email, "Invoice", "support", Customer.Actor));

        var waiting = Assert.Single((await Queue.GetDetailsAsync()).Waiting);

        Assert.Equal(("c-1", 1, WorkKind.Ticket), (waiting.ConversationId, waiting.Priority, waiting.Kind));
    }

    private IConversationGrain Conversation(string id) => cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, id));

    private Task OpenAsync(string id) =>
        Conversation(id).OpenAsync(new OpenConversation(Customer.Id, Customer.DisplayName, Channel.Chat, "Hi", null, Customer.Actor));

    private Task<IReadOnlyList<DomainEvent>> RouterEventsAsync() => cluster.ReadEventsAsync(StreamIds.Routing(workspaceId));
}
