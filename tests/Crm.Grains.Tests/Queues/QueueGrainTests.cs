using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Queues;
using Crm.Grains.EventSourcing;
using Crm.Grains.Queues.Events;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Queues;

[Collection(ClusterCollection.Name)]
public sealed class QueueGrainTests(CrmClusterFixture cluster)
{
    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    private IQueueGrain Queue => cluster.Grains.GetGrain<IQueueGrain>(GrainKeys.Scoped(workspaceId, "support"));

    [Fact]
    public async Task EnqueueAsync_ConversationAlreadyWaiting_WritesNothingAndKeepsItsPlace()
    {
        var enqueuedAt = cluster.Clock.GetUtcNow();
        await Queue.EnqueueAsync(new EnqueueConversation("c-1", 1, "system:routing"));
        cluster.Clock.Advance(TimeSpan.FromMinutes(2));

        var again = await Queue.EnqueueAsync(new EnqueueConversation("c-1", 3, "system:routing"));

        Assert.Equal(new QueuedConversation("c-1", 1, enqueuedAt), Assert.Single(again.Waiting));
        Assert.IsType<ConversationEnqueued>(Assert.Single(await Events()));
    }

    [Fact]
    public async Task EnqueueAsync_MixedPriorities_HighestPriorityFirstThenOldestFirst()
    {
        foreach (var (conversationId, priority) in new[] { ("a", 1), ("b", 3), ("c", 1), ("d", 3), ("e", 0), ("f", 2) })
        {
            await Queue.EnqueueAsync(new EnqueueConversation(conversationId, priority, "system:routing"));
            cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var details = await Queue.GetDetailsAsync();

        Assert.Equal(["b", "d", "f", "a", "c", "e"], details.Waiting.Select(w => w.ConversationId));
        Assert.Equal((workspaceId, "support"), (details.WorkspaceId, details.QueueId));

        await cluster.DeactivateAsync(Queue);
        Assert.Equal(details.Waiting, (await Queue.GetDetailsAsync()).Waiting);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(int.MaxValue)]
    public async Task EnqueueAsync_PriorityOutside0To3_RefusedAndNothingWritten(int priority)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Queue.EnqueueAsync(new EnqueueConversation("c-1", priority, "system:routing")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Equal("Priority must be 0 (low) to 3 (urgent).", refused.Message);
        Assert.Empty(await Events());
        Assert.Empty((await Queue.GetDetailsAsync()).Waiting);
    }

    [Fact]
    public async Task EnqueueAsync_InvalidConversationId_RefusedAndNothingWritten()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Queue.EnqueueAsync(new EnqueueConversation("C 1", 1, "system:routing")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.StartsWith("The conversation id", refused.Message);
        Assert.Empty(await Events());
    }

    private Task<IReadOnlyList<DomainEvent>> Events() =>
        cluster.ReadEventsAsync(StreamIds.For(StreamIds.QueueCategory, workspaceId, "support"));
}
