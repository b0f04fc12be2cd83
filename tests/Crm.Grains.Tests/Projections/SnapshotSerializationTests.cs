using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Conversations.Events;
using Crm.Grains.Reports;
using Crm.Grains.Routing;
using Crm.Grains.Routing.Events;
using Crm.Testing.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;

namespace Crm.Grains.Tests.Projections;

/// <summary>The folds that are snapshotted survive the round trip through the serializer the snapshots use, comparers included.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SnapshotSerializationTests(CrmClusterFixture cluster)
{
    private Serializer Serializer => cluster.Client.ServiceProvider.GetRequiredService<Serializer>();

    [Fact]
    public void RouterState_RoundTrip_KeepsQueuesAgentsWorkAndTheArrivalOrder()
    {
        var at = DateTimeOffset.UnixEpoch.AddDays(20_000);
        var state = new RouterState();
        state.Apply(new RoutingQueueConfigured("support", QueuePolicy.Manual));
        state.Apply(new RoutingAgentUpdated("alice", "Alice", AgentStatus.Online, at, 3, 5, ["fr"], ["team-a"]));
        state.Apply(new ConversationQueued("c1", "support", WorkKind.Chat, 2, ["fr"], at, Front: false, HeldBy: null, Seq: 1));

        var copy = Serializer.Deserialize<RouterState>(Serializer.SerializeToArray(state))!;
        copy.Apply(new ConversationQueued("c2", "support", WorkKind.Chat, 1, [], at, Front: false, HeldBy: null, Seq: 1));

        Assert.Equal(state.Version + 1, copy.Version);
        Assert.Equal(QueuePolicy.Manual, copy.PolicyOf("support"));
        Assert.Equal(("Alice", 3), (copy.Agents["alice"].DisplayName, copy.Agents["alice"].ChatCapacity));
        Assert.Equal(["fr"], copy.Agents["alice"].Skills);
        Assert.Equal(2, copy.Work["c1"].Priority);
        Assert.True(copy.Work["c2"].Arrival > copy.Work["c1"].Arrival, "the arrival counter carries on from the snapshot");
    }

    [Fact]
    public void ConversationFacts_RoundTrip_KeepsTheWaitAndTheOrdinalLabels()
    {
        var at = DateTimeOffset.UnixEpoch.AddDays(20_000);
        var facts = new ConversationFacts(new ConversationOpened("ws", "c1", "cust", "Customer", Channel.Email, "Hi", "support") { At = at });
        facts.Apply(new ConversationLabelsChanged(["b", "B", "a"], []) { At = at });
        facts.Apply(new MessagePosted(1, Guid.NewGuid(), new Author(AuthorKind.Customer, "cust", "Customer"), "Hello?") { At = at });

        var copy = Serializer.Deserialize<ConversationFacts>(Serializer.SerializeToArray(facts))!;
        copy.Apply(new MessagePosted(2, Guid.NewGuid(), new Author(AuthorKind.Agent, "alice", "Alice"), "Hi!") { At = at.AddMinutes(3) });

        Assert.Equal(["B", "a", "b"], copy.Labels);
        Assert.Equal(("c1", Channel.Email, "support"), (copy.ConversationId, copy.Channel, copy.QueueId));
        Assert.Equal(TimeSpan.FromMinutes(3), copy.FirstResponse!.Value.AnsweredAt - copy.FirstResponse.Value.Since);
    }
}
