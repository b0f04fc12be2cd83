using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Conversations;

[Collection(SiloFailureCollection.Name)]
public sealed class ConversationFailoverTests(CrmClusterFixture cluster)
{
    [Fact]
    public async Task PostMessageAsync_SiloHostingItStopped_ContinuesOnTheOtherSiloFromTheSharedStore()
    {
        var conversation = cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(TestKeys.NewWorkspaceId(), "c1"));
        await conversation.OpenAsync(new OpenConversation("cust-1", "Ada", Channel.Chat, "Order 42", null, "customer:cust-1"));
        // The primary silo holds the test cluster's membership, so the conversation is moved to a secondary one.
        var stopped = await cluster.RunningSecondarySiloAsync();
        await cluster.MoveToAsync(conversation, stopped);
        var first = await conversation.PostMessageAsync(
            new PostMessage(Guid.NewGuid(), new Author(AuthorKind.Customer, "cust-1", "Ada"), "before the silo stopped"));

        await cluster.Cluster.StopSiloAsync(stopped);
        var second = await conversation.PostMessageAsync(new PostMessage(Guid.NewGuid(), new Author(AuthorKind.Agent, "alice", "Alice"), "after"));

        Assert.Equal(2, second.Seq);
        Assert.Equal([first, second], await conversation.GetMessagesAfterAsync(0));
        Assert.Equal(cluster.Cluster.Primary, await cluster.HostOfAsync(conversation));
    }
}
