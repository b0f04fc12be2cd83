using System.Net;
using Crm.Testing;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Crm.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Crm.Web.Tests.Hosting;

/// <summary>
/// The feed is cluster-wide, not in-process: a message posted on one web node reaches a SignalR client connected to
/// another, both nodes being Orleans clients of a standalone Crm.Silo with Redis membership.
/// </summary>
public sealed class CrossNodeTests(WebClusterFixture cluster) : IClassFixture<WebClusterFixture>
{
    private CrmProcess Node1 => cluster.WebNodes[0];
    private CrmProcess Node2 => cluster.WebNodes[1];

    [Fact]
    public async Task PostOnNode1Rest_ReachesHubClientOnNode2()
    {
        using var joOnNode1 = await ConsoleClient.SignInAsync(Node1.BaseAddress, DemoUsers.Agent2);
        using var alexOnNode2 = await ConsoleClient.SignInAsync(Node2.BaseAddress, DemoUsers.Agent);
        var conversation = await joOnNode1.Http.OpenFreshConversationAsync("x12");
        await using var live = await LiveClient.ConnectAsync(alexOnNode2);
        Assert.Empty(await live.JoinConversationAsync(conversation.ConversationId, 0));

        var ack = await joOnNode1.Http.PostMessageAsync(conversation.ConversationId, "posted on node 1");

        var pushed = await live.WaitForMessageAsync(m => m.ConversationId == conversation.ConversationId, "node 1's post pushed on node 2");
        Assert.Equal(ack, pushed);
    }

    [Fact]
    public async Task PostOnNode2Hub_ReachesHubClientOnNode1()
    {
        using var alexOnNode1 = await ConsoleClient.SignInAsync(Node1.BaseAddress, DemoUsers.Agent);
        using var joOnNode2 = await ConsoleClient.SignInAsync(Node2.BaseAddress, DemoUsers.Agent2);
        var conversation = await alexOnNode1.Http.OpenFreshConversationAsync("x21");
        await using var watcher = await LiveClient.ConnectAsync(alexOnNode1);
        await using var poster = await LiveClient.ConnectAsync(joOnNode2);
        Assert.Empty(await watcher.JoinConversationAsync(conversation.ConversationId, 0));

        var ack = await poster.PostMessageAsync(conversation.ConversationId, Guid.NewGuid(), "posted on node 2");

        var pushed = await watcher.WaitForMessageAsync(m => m.ConversationId == conversation.ConversationId, "node 2's post pushed on node 1");
        Assert.Equal(ack, pushed);
    }

    [Fact]
    public async Task CookieFromNode1_IsAcceptedByNode2()
    {
        using var alex = await ConsoleClient.SignInAsync(Node1.BaseAddress, DemoUsers.Agent);
        using var onNode2 = new HttpClient { BaseAddress = Node2.BaseAddress };
        onNode2.DefaultRequestHeaders.Add("Cookie", alex.CookieHeader);

        var conversation = await onNode2.OpenFreshConversationAsync("ck");
        var ack = await onNode2.PostMessageAsync(conversation.ConversationId, "with node 1's cookie");

        Assert.Equal("alex", ack.Author.Id);
        Assert.Equal([ack], await alex.Http.GetMessagesAsync(conversation.ConversationId));
    }

    /// <summary>
    /// Node 2 hears of no event when node 1 ends a session: its sweeper finds it (every 5 s) and its session cache
    /// expires (5 s), so the hub connection there closes and the cookie is refused there within seconds too.
    /// </summary>
    [Fact]
    public async Task EndSessionsOnNode1_HubConnectionOnNode2ClosesAndNode2RefusesTheCookie()
    {
        using var admin = await ConsoleClient.SignInAsync(Node1.BaseAddress, DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        using var user = await member.SignInAsync(Node1.BaseAddress);
        await using var onNode2 = await LiveClient.ConnectAsync(user, Node2.BaseAddress);
        using var node2 = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = Node2.BaseAddress };
        node2.DefaultRequestHeaders.Add("Cookie", user.CookieHeader);
        using (var before = await node2.GetAsync("api/auth/me")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var end = await admin.Http.DeleteAsync($"api/admin/users/{member.UserId}/sessions");

        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        await Eventually.TrueAsync(() => onNode2.Connection.State == HubConnectionState.Disconnected,
            "node 2 to close the ended session's hub connection", TimeSpan.FromSeconds(15));
        await Eventually.ReturnsAsync(async () =>
        {
            using var response = await node2.GetAsync("api/auth/me");
            return response.StatusCode;
        }, status => status == HttpStatusCode.Unauthorized, "node 2 to refuse the ended session's cookie", TimeSpan.FromSeconds(15));
    }
}
