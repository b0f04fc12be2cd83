using Crm.Grains.Abstractions.Conversations;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Hubs;

/// <summary>Live delivery through /hubs/conversations on one Crm.Web process that hosts the silo in-process.</summary>
public sealed class HostLiveDeliveryTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    [Fact]
    public async Task JoinConversation_SeededThread_ReturnsSeededMessagesThenPushesAnotherAgentsReply()
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        using var jo = await node.SignInAsync(DemoUsers.Agent2);
        await using var live = await LiveClient.ConnectAsync(alex);

        // The only test that writes to a seeded conversation: this process's "invoice-tom" holds its seed alone.
        var missed = await live.JoinConversationAsync("invoice-tom", afterSeq: 0);

        var seeded = Assert.Single(missed);
        Assert.Equal(1, seeded.Seq);
        Assert.Equal(AuthorKind.Customer, seeded.Author.Kind);
        Assert.Equal("tom", seeded.Author.Id);
        Assert.Contains("INV-2291", seeded.Body);
        Assert.Equal(DemoUsers.Workspace, seeded.WorkspaceId);

        var body = $"Reissued with the new VAT number ({Guid.NewGuid():N})";
        var ack = await jo.Http.PostMessageAsync("invoice-tom", body);
        Assert.Equal(2, ack.Seq);

        var pushed = await live.WaitForMessageAsync(m => m.ConversationId == "invoice-tom" && m.Seq == 2, "invoice-tom#2 pushed to alex");
        Assert.Equal(body, pushed.Body);
        Assert.Equal(ack.ClientMessageId, pushed.ClientMessageId);
        Assert.Equal(AuthorKind.Agent, pushed.Author.Kind);
        Assert.Equal("jo", pushed.Author.Id);
    }

    [Fact]
    public async Task JoinConversation_AfterReconnect_ReturnsExactlyTheMessagesMissedWhileAway()
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        using var jo = await node.SignInAsync(DemoUsers.Agent2);
        var conversation = await alex.Http.OpenFreshConversationAsync("gap");
        await alex.Http.PostMessageAsync(conversation.ConversationId, "first");
        var lastSeen = (await alex.Http.PostMessageAsync(conversation.ConversationId, "second")).Seq;

        await using (var before = await LiveClient.ConnectAsync(alex))
        {
            Assert.Empty(await before.JoinConversationAsync(conversation.ConversationId, lastSeen));
            await before.Connection.StopAsync();
        }

        // Jo posts through the hub while Alex is away.
        var bodies = new[] { "while away 1", "while away 2", "while away 3" };
        await using (var poster = await LiveClient.ConnectAsync(jo))
        {
            foreach (var body in bodies)
                await poster.PostMessageAsync(conversation.ConversationId, Guid.NewGuid(), body);
        }

        await using var after = await LiveClient.ConnectAsync(alex);
        var missed = await after.JoinConversationAsync(conversation.ConversationId, lastSeen);

        Assert.Equal([lastSeen + 1, lastSeen + 2, lastSeen + 3], missed.Select(m => m.Seq));
        Assert.Equal(bodies, missed.Select(m => m.Body));
        Assert.All(missed, m => Assert.Equal("jo", m.Author.Id));
    }

    [Fact]
    public async Task PostMessage_ThroughHub_IsPushedToOtherMembersAndResendReturnsTheOriginal()
    {
        using var alex = await node.SignInAsync(DemoUsers.Agent);
        using var jo = await node.SignInAsync(DemoUsers.Agent2);
        var conversation = await alex.Http.OpenFreshConversationAsync("hub");
        await using var watcher = await LiveClient.ConnectAsync(alex);
        await using var poster = await LiveClient.ConnectAsync(jo);
        Assert.Empty(await watcher.JoinConversationAsync(conversation.ConversationId, 0));

        var clientMessageId = Guid.NewGuid();
        var ack = await poster.PostMessageAsync(conversation.ConversationId, clientMessageId, "  hello from the hub  ");
        var resent = await poster.PostMessageAsync(conversation.ConversationId, clientMessageId, "  hello from the hub  ");

        Assert.Equal(1, ack.Seq);
        Assert.Equal("hello from the hub", ack.Body);
        Assert.Equal(ack, resent);
        var pushed = await watcher.WaitForMessageAsync(m => m.ConversationId == conversation.ConversationId, "the hub post pushed to alex");
        Assert.Equal(ack, pushed);
        Assert.Single(await alex.Http.GetMessagesAsync(conversation.ConversationId));
    }
}
