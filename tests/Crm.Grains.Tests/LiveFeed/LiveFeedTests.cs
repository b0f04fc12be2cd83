using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Queues;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.LiveFeed;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.LiveFeed;

/// <summary>
/// The feed end to end: directory, publishers (stateless workers on both silos) and an observer on the test client.
/// Publishers cache the observer list for <see cref="LiveFeedTimings.PublisherCache"/> on the grains' domain clock, which is
/// the fake one here: a publisher that refreshed before the observer registered refreshes again only once the test
/// advances the clock past the cache, so every test does that right after registering.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveFeedTests(CrmClusterFixture cluster) : IAsyncLifetime
{
    private readonly string workspaceId = TestKeys.NewWorkspaceId();
    private readonly string nodeId = TestKeys.NewId("node");
    private readonly RecordingObserver observer = new();
    private ILiveFeedObserver? reference;

    private ILiveFeedDirectoryGrain Directory => cluster.Grains.GetGrain<ILiveFeedDirectoryGrain>(ILiveFeedDirectoryGrain.Key);

    public async Task InitializeAsync()
    {
        reference = cluster.Client.CreateObjectReference<ILiveFeedObserver>(observer);
        await Directory.RegisterAsync(nodeId, reference);
        cluster.Clock.Advance(LiveFeedTimings.PublisherCache + TimeSpan.FromMilliseconds(1));
    }

    public async Task DisposeAsync()
    {
        await Directory.UnregisterAsync(nodeId);
        if (reference is not null) cluster.Client.DeleteObjectReference<ILiveFeedObserver>(reference);
    }

    [Fact]
    public async Task PostMessageAsync_ObserverRegistered_ReceivesTheMessageAndTheConversationSummary()
    {
        var conversation = cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, "c1"));
        await conversation.OpenAsync(new OpenConversation("cust-1", "Ada", Channel.Chat, "Order 42", null, "customer:cust-1"));

        var posted = await conversation.PostMessageAsync(
            new PostMessage(Guid.NewGuid(), new Author(AuthorKind.Customer, "cust-1", "Ada"), "Where is my parcel?"));

        await Eventually.TrueAsync(
            () => observer.Of<MessageFeedItem>(workspaceId).Count == 1 && observer.Of<ConversationFeedItem>(workspaceId).Any(i => i.Summary.LastSeq == 1),
            "the posted message and the conversation's new summary on the feed");
        Assert.Equal(posted, Assert.Single(observer.Of<MessageFeedItem>(workspaceId)).Message);
        // The same summary can come twice: the conversation publishes it, and the inbox again when its catch-up from the
        // store folds the message before the conversation's live update reaches it (consumers keep the highest version).
        // Whichever came, it is the one after the message.
        Assert.All(observer.Of<ConversationFeedItem>(workspaceId).Where(i => i.Summary.LastSeq == 1), item =>
            Assert.Equal(("c1", "Where is my parcel?", AuthorKind.Customer, 2L),
                (item.Summary.ConversationId, item.Summary.LastMessagePreview, item.Summary.LastAuthorKind, item.Summary.Version)));
        Assert.Contains(observer.Of<ConversationFeedItem>(workspaceId), i => i.Summary.Version == 1);
    }

    [Fact]
    public async Task Commands_AgentQueueAndWorkloadChanges_ReachTheObserverAsViewRecords()
    {
        var agent = await cluster.Grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(workspaceId, "alice"))
            .RegisterAsync(new RegisterAgent("Alice", "alice@example.com", "agent", 3, "user:admin"));
        await cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, "c1"))
            .OpenAsync(new OpenConversation("cust-1", "Ada", Channel.Chat, "Hi", "support", "customer:cust-1"));
        var queue = await cluster.Grains.GetGrain<IQueueGrain>(GrainKeys.Scoped(workspaceId, "support")).GetDetailsAsync();

        await Eventually.TrueAsync(
            () => observer.Of<AgentFeedItem>(workspaceId).Count == 1 && observer.Of<QueueFeedItem>(workspaceId).Count > 0
                && observer.Of<AgentWorkloadFeedItem>(workspaceId).Any(a => a.Agent.AgentId == "alice"),
            "the agent, the queue and the agent's workload on the feed");
        Assert.Equal(agent, observer.Of<AgentFeedItem>(workspaceId)[0].Agent);
        var pushed = observer.Of<QueueFeedItem>(workspaceId)[^1].Queue;
        Assert.Equal(["c1"], queue.Waiting.Select(w => w.ConversationId));
        Assert.Equal(queue.Waiting.Select(w => (w.ConversationId, w.Priority, w.EnqueuedAt)), pushed.Waiting.Select(w => (w.ConversationId, w.Priority, w.EnqueuedAt)));
    }

    [Fact]
    public async Task GetObserversAsync_LeaseNotRenewed_DropsTheNodeAndChangesTheVersion()
    {
        var registered = await Directory.GetObserversAsync();
        Assert.Contains(reference, registered.Observers);

        cluster.Clock.Advance(LiveFeedTimings.Lease + TimeSpan.FromSeconds(1));
        var lapsed = await Directory.GetObserversAsync();

        Assert.DoesNotContain(reference, lapsed.Observers);
        Assert.True(lapsed.Version > registered.Version, $"version {lapsed.Version} should have moved on from {registered.Version}");
    }

    [Fact]
    public async Task RegisterAsync_RenewedWithinTheLease_KeptWithTheSameVersion()
    {
        var registered = await Directory.GetObserversAsync();

        cluster.Clock.Advance(LiveFeedTimings.RenewEvery);
        await Directory.RegisterAsync(nodeId, reference!);
        cluster.Clock.Advance(LiveFeedTimings.Lease - LiveFeedTimings.RenewEvery + TimeSpan.FromSeconds(1));
        var renewed = await Directory.GetObserversAsync();

        Assert.Contains(reference, renewed.Observers);
        Assert.Equal(registered.Version, renewed.Version);
    }
}
