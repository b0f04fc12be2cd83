using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Keys;

/// <summary>What the grains really write: every stream id is the one <see cref="StreamIds"/> builds, under the workspace.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainStreamsTests(CrmClusterFixture cluster)
{
    [Fact]
    public async Task Commands_EveryKindOfGrain_WriteOnlyToStreamIdsStreamsUnderTheWorkspace()
    {
        var workspaceId = TestKeys.NewWorkspaceId();
        var start = await cluster.Store.GetHeadPositionAsync();

        await cluster.Grains.GetGrain<IWorkspaceGrain>(workspaceId).CreateAsync(new CreateWorkspace("Acme", "user:admin"));
        await cluster.Grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(workspaceId, "cust-1"))
            .UpsertAsync(new UpsertCustomer("Ada", null, null, null, "user:admin"));
        await cluster.Grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(workspaceId, "alice"))
            .RegisterAsync(new RegisterAgent("Alice", "alice@example.com", "agent", 3, "user:admin"));
        await cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, "c-1"))
            .OpenAsync(new OpenConversation("cust-1", "Ada", Channel.Chat, "Hi", "support", "customer:cust-1"));
        // The router records what it read (the agent, the queued conversation) in its own stream once it has caught up.
        await cluster.Grains.GetGrain<IRouterGrain>(workspaceId).GetBoardAsync();

        var written = await cluster.Store.ReadAllAsync(start, 1_000, streamPrefix: $"{workspaceId}/");
        Assert.Equal(
            new[]
            {
                StreamIds.Workspace(workspaceId),
                StreamIds.For(StreamIds.CustomerCategory, workspaceId, "cust-1"),
                StreamIds.For(StreamIds.AgentCategory, workspaceId, "alice"),
                StreamIds.For(StreamIds.ConversationCategory, workspaceId, "c-1"),
                StreamIds.Routing(workspaceId),
            }.Order(StringComparer.Ordinal),
            written.Select(e => e.StreamId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Call_GrainKeyWithoutWorkspace_Refused()
    {
        var grain = cluster.Grains.GetGrain<IConversationGrain>(TestKeys.NewId("no-workspace"));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => grain.GetDetailsAsync());

        Assert.Contains("workspace/id", refused.Message);
    }
}
