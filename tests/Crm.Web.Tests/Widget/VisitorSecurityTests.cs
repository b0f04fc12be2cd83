using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Crm.Grains.Abstractions.Collaboration;
using Crm.Grains.Abstractions.Conversations;
using Crm.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Crm.Web.Tests.Widget;

/// <summary>
/// The widget's trust boundary on a real Crm.Web process: a visitor token reaches only its own conversations, only
/// the widget's endpoints, and only while it is genuine and unexpired; console cookies never open the widget hub.
/// </summary>
public sealed class VisitorSecurityTests(WidgetNodeFixture node) : IClassFixture<WidgetNodeFixture>
{
    private const string NegotiatePath = "hubs/widget/negotiate?negotiateVersion=1";

    [Fact]
    public async Task JoinSendTypingStart_AnotherVisitorsConversation_AreRefusedLikeAMissingOneAndStoreNothing()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        await using var owner = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var conversation = await owner.StartFreshConversationAsync("Owner Visitor");
        await owner.SendMessageAsync(conversation.ConversationId, "my private question", displayName: "Owner Visitor");
        // Compared as the JSON the API returns: every field, lists included.
        var threadBefore = await agent.Http.GetStringAsync($"api/conversations/{conversation.ConversationId}/messages");
        var detailsBefore = await agent.Http.GetStringAsync($"api/conversations/{conversation.ConversationId}");

        await using var intruder = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        Assert.NotEqual(owner.Session.CustomerId, intruder.Session.CustomerId);
        var missing = await Assert.ThrowsAsync<HubException>(() => intruder.JoinConversationAsync($"w-{Guid.NewGuid():N}", 0));

        var id = conversation.ConversationId;
        var refusals = new Dictionary<string, HubException>
        {
            ["JoinConversation"] = await Assert.ThrowsAsync<HubException>(() => intruder.JoinConversationAsync(id, 0)),
            ["SendMessage"] = await Assert.ThrowsAsync<HubException>(() => intruder.SendMessageAsync(id, "injected by another visitor")),
            ["Typing"] = await Assert.ThrowsAsync<HubException>(() => intruder.TypingAsync(id, true)),
            ["Heartbeat"] = await Assert.ThrowsAsync<HubException>(() => intruder.HeartbeatAsync(id)),
        };
        // Refused too (how it answers is the skipped test below); it must not hand the conversation over.
        await Assert.ThrowsAsync<HubException>(() => intruder.StartConversationAsync(id, "Intruder"));

        // Exactly the answer for a conversation that does not exist: the refusal does not even confirm that it exists.
        Assert.All(refusals, r => Assert.True(ServerReason(r.Value) == ServerReason(missing),
            $"{r.Key} into another visitor's conversation answered '{r.Value.Message}', a missing one '{missing.Message}'."));
        Assert.Equal(threadBefore, await agent.Http.GetStringAsync($"api/conversations/{id}/messages"));
        Assert.Equal(detailsBefore, await agent.Http.GetStringAsync($"api/conversations/{id}"));
        Assert.DoesNotContain(intruder.Received, p => p.ConversationId == id);

        // Nor did the refused Typing/Heartbeat make the intruder appear to the team.
        await using var console = await LiveClient.ConnectAsync(agent);
        var presence = await console.Connection.InvokeAsync<ConversationPresence>("Heartbeat", id);
        Assert.DoesNotContain(presence.People, p => p.Id == intruder.Session.CustomerId);

        // The owner is unaffected: still joined, still the only customer author.
        var own = await owner.JoinConversationAsync(id, 0);
        Assert.Equal(["my private question"], own.Messages.Select(m => m.Body));
        var thread = await agent.Http.GetMessagesAsync(id);
        Assert.All(thread.Where(m => m.Author.Kind == AuthorKind.Customer), m => Assert.Equal(owner.Session.CustomerId, m.Author.Id));
        Assert.DoesNotContain(thread, m => m.Body.Contains("injected", StringComparison.Ordinal));
    }

    // A visitor must not learn which conversation ids exist: someone else's id answers like a missing one.
    [Fact]
    public async Task StartConversation_AnotherCustomersConversationId_AnswersLikeAMissingConversation()
    {
        await using var owner = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var conversation = await owner.StartFreshConversationAsync("Owner Visitor");
        await using var intruder = await VisitorClient.ConnectNewAsync(node.BaseAddress);
        var missing = await Assert.ThrowsAsync<HubException>(() => intruder.JoinConversationAsync($"w-{Guid.NewGuid():N}", 0));

        var refused = await Assert.ThrowsAsync<HubException>(() => intruder.StartConversationAsync(conversation.ConversationId, "Intruder"));
        var seeded = await Assert.ThrowsAsync<HubException>(() => intruder.StartConversationAsync("invoice-tom", "Intruder"));

        Assert.Equal(ServerReason(missing), ServerReason(refused));
        Assert.Equal(ServerReason(missing), ServerReason(seeded));
    }

    [Fact]
    public async Task Negotiate_RandomOrAlteredToken_Is401AndSessionIssuesANewVisitor()
    {
        var genuine = await VisitorClient.CreateSessionAsync(node.BaseAddress);
        var altered = Flip(genuine.Token, genuine.Token.Length / 2);
        var random = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        // The control: the genuine token opens the hub, and a session with it returns the same visitor.
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(genuine.Token, inQuery: false));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(genuine.Token, inQuery: true));
        Assert.Equal(genuine.CustomerId, (await VisitorClient.CreateSessionAsync(node.BaseAddress, token: genuine.Token)).CustomerId);

        foreach (var (what, token) in new[] { ("random", random), ("altered", altered), ("garbage", "not a token at all") })
        {
            Assert.True(await NegotiateAsync(token, inQuery: false) == HttpStatusCode.Unauthorized, $"A {what} token in the header should be refused.");
            Assert.True(await NegotiateAsync(token, inQuery: true) == HttpStatusCode.Unauthorized, $"A {what} token in access_token should be refused.");
            var fresh = await VisitorClient.CreateSessionAsync(node.BaseAddress, token: token);
            Assert.NotEqual(genuine.CustomerId, fresh.CustomerId);
            Assert.NotEqual(token, fresh.Token);
            Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(fresh.Token, inQuery: false));
        }

        var connection = VisitorClient.Build(node.BaseAddress, altered);
        await using (connection)
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    [Fact]
    public async Task CreateSession_DemoTokenWithUnknownWorkspace_Is404()
    {
        var demo = await VisitorClient.CreateSessionAsync(node.BaseAddress);

        using var response = await VisitorClient.RequestSessionAsync(node.BaseAddress, $"nows-{Guid.NewGuid():N}", demo.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(demo.CustomerId, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConsoleEndpoints_WithVisitorToken_Are401()
    {
        var visitor = await VisitorClient.CreateSessionAsync(node.BaseAddress);
        using var http = new HttpClient { BaseAddress = node.BaseAddress };

        foreach (var path in new[] { "api/conversations", "api/conversations/invoice-tom/messages", $"api/conversations?access_token={Uri.EscapeDataString(visitor.Token)}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", visitor.Token);
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"GET {path} with a visitor token answered {(int)response.StatusCode}.");
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, "api/conversations/invoice-tom/messages")
        {
            Content = JsonContent.Create(new { clientMessageId = Guid.NewGuid(), body = "posted with a visitor token" }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", visitor.Token);
        using var posted = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);

        using var consoleHub = new HttpRequestMessage(HttpMethod.Post, $"hubs/conversations/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(visitor.Token)}");
        consoleHub.Headers.Authorization = new AuthenticationHeaderValue("Bearer", visitor.Token);
        using var negotiated = await http.SendAsync(consoleHub);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiated.StatusCode);
    }

    [Fact]
    public async Task WidgetHub_WithConsoleCookie_Is401()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        // The control: the cookie is good for the console's own API.
        using (var inbox = await agent.Http.GetAsync("api/conversations"))
            Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);

        using var negotiate = await agent.Http.PostAsync(NegotiatePath, content: null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);

        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, VisitorClient.HubPath), options => options.Headers["Cookie"] = agent.CookieHeader)
            .Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_SignedWithTheNodesKeys_Is401AndSessionIssuesANewVisitor()
    {
        // A first session makes sure the node has created its key ring.
        await VisitorClient.CreateSessionAsync(node.BaseAddress);
        var customerId = $"v{Guid.NewGuid():N}";
        var valid = VisitorTokenMinter.Mint(node.KeysPath, DemoUsers.Workspace, customerId, DateTimeOffset.UtcNow.AddDays(1));
        var expired = VisitorTokenMinter.Mint(node.KeysPath, DemoUsers.Workspace, customerId, DateTimeOffset.UtcNow.AddMinutes(-1));

        // The control: minted the same way but unexpired, the token is accepted as that very visitor.
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(valid, inQuery: true));
        Assert.Equal(customerId, (await VisitorClient.CreateSessionAsync(node.BaseAddress, token: valid)).CustomerId);

        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(expired, inQuery: true));
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(expired, inQuery: false));
        var renewed = await VisitorClient.CreateSessionAsync(node.BaseAddress, token: expired);
        Assert.NotEqual(customerId, renewed.CustomerId);
        Assert.True(renewed.ExpiresAt > DateTimeOffset.UtcNow.AddDays(29), $"A new session should last 30 days, not until {renewed.ExpiresAt:u}.");
    }

    private async Task<HttpStatusCode> NegotiateAsync(string token, bool inQuery)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post,
            inQuery ? $"{NegotiatePath}&access_token={Uri.EscapeDataString(token)}" : NegotiatePath);
        if (!inQuery) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The server's own words, without the client's "An unexpected error occurred invoking 'X'" prefix naming the method.</summary>
    private static string ServerReason(HubException exception)
    {
        const string marker = "HubException: ";
        var at = exception.Message.LastIndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? exception.Message : exception.Message[(at + marker.Length)..];
    }

    /// <summary>Changes one character in the middle (never the last, whose low bits base64 may ignore).</summary>
    private static string Flip(string token, int index)
    {
        var chars = token.ToCharArray();
        chars[index] = chars[index] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
