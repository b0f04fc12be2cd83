using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Crm.Web.Tests.Inbound;
using Crm.Web.Tests.Security.Fuzzing;
using Crm.Web.Tests.Support;
using Crm.Web.Tests.Widget;
using Xunit;

namespace Crm.Web.Tests.Security;

/// <summary>
/// A page of another origin (a sibling subdomain or another port: the same site, so SameSite=Lax lets the cookie go)
/// cannot make a signed-in browser change anything: JSON and empty posts, uploads, hub negotiation and WebSocket
/// upgrades that carry the cookie are refused by Origin / Sec-Fetch-Site. The console's own pages, non-browser clients
/// and the widget (any site, visitor token) still work.
/// </summary>
public sealed class RequestForgeryTests(AllowedOriginNodeFixture node) : IClassFixture<AllowedOriginNodeFixture>
{
    private const string Evil = "http://evil.example";

    [Fact]
    public async Task RequestForgery_JsonPostWithTheCookieFromAnotherOrigin_Is403AndStoresNothing()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var conversation = await agent.Http.OpenFreshConversationAsync("csrf");
        await using var store = new StoreHead(node.DataPath);
        var before = await store.PositionAsync();

        using var note = await SendAsync(agent.Http, HttpMethod.Post, $"api/conversations/{conversation.ConversationId}/notes",
            JsonContent.Create(new { clientMessageId = Guid.NewGuid(), body = "forged" }), Evil, "cross-site");
        using var sibling = await SendAsync(agent.Http, HttpMethod.Post, $"api/conversations/{conversation.ConversationId}/notes",
            JsonContent.Create(new { clientMessageId = Guid.NewGuid(), body = "forged" }), "http://other.localhost:9", "same-site");
        using var nullOrigin = await SendAsync(agent.Http, HttpMethod.Post, $"api/conversations/{conversation.ConversationId}/notes",
            JsonContent.Create(new { clientMessageId = Guid.NewGuid(), body = "forged" }), "null", null);

        foreach (var response in new[] { note, sibling, nullOrigin })
            await ProblemAssert.StatusAsync(response, HttpStatusCode.Forbidden, "another site");
        Assert.Empty(await store.AppendedAfterAsync(before));
    }

    [Fact]
    public async Task RequestForgery_EmptyPostAndUploadFromAnotherOrigin_Are403AndTheSessionLives()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        using var logout = await SendAsync(agent.Http, HttpMethod.Post, "api/auth/logout", null, Evil, "cross-site");
        using var twoFactor = await SendAsync(agent.Http, HttpMethod.Post, "api/account/2fa/authenticator", null, Evil, null);
        using var upload = await SendAsync(agent.Http, HttpMethod.Post, "api/attachments", BadInput.TruncatedMultipart(), Evil, "same-site");

        foreach (var response in new[] { logout, twoFactor, upload })
            await ProblemAssert.StatusAsync(response, HttpStatusCode.Forbidden, "another site");
        using var me = await agent.Http.GetAsync("api/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task RequestForgery_HubNegotiationAndWebSocketUpgradeFromAnotherOrigin_AreRefused()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        using var negotiate = await SendAsync(agent.Http, HttpMethod.Post, "hubs/conversations/negotiate?negotiateVersion=1", null, Evil, "cross-site");
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", agent.CookieHeader);
        socket.Options.SetRequestHeader("Origin", Evil);
        var upgrade = await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new UriBuilder(new Uri(node.BaseAddress, "hubs/conversations")) { Scheme = "ws" }.Uri, CancellationToken.None));

        await ProblemAssert.StatusAsync(negotiate, HttpStatusCode.Forbidden, "another site");
        Assert.Contains("403", upgrade.Message);
    }

    [Fact]
    public async Task OwnOriginConfiguredOriginAndNonBrowserClients_StillChangeThings()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var own = node.BaseAddress.GetLeftPart(UriPartial.Authority);
        var conversation = await agent.Http.OpenFreshConversationAsync("own");
        var notes = $"api/conversations/{conversation.ConversationId}/notes";

        using var fromOwnPage = await SendAsync(agent.Http, HttpMethod.Post, notes, JsonContent.Create(new { clientMessageId = Guid.NewGuid(), body = "a" }), own, "same-origin");
        using var fromConfigured = await SendAsync(agent.Http, HttpMethod.Post, notes,
            JsonContent.Create(new { clientMessageId = Guid.NewGuid(), body = "b" }), AllowedOriginNodeFixture.AllowedOrigin, "same-site");
        using var fromScript = await SendAsync(agent.Http, HttpMethod.Post, notes, JsonContent.Create(new { clientMessageId = Guid.NewGuid(), body = "c" }), null, null);
        await using var live = await LiveClient.ConnectAsync(agent);

        Assert.All(new[] { fromOwnPage, fromConfigured, fromScript }, r => Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}"));
    }

    [Fact]
    public async Task Widget_FromAnySite_StillStartsASessionAndConnects()
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };
        using var session = await SendAsync(anonymous, HttpMethod.Post, VisitorClient.SessionsPath,
            JsonContent.Create(new { workspaceId = DemoUsers.Workspace }), "https://shop.example", "cross-site");
        var token = (await session.Content.ReadFromJsonAsync<WidgetSession>(ApiJson.Options))!.Token;

        await using var hub = await RawHubClient.ConnectAsync(node.BaseAddress, VisitorClient.HubPath, cookie: null, token, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.True(hub.IsOpen);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string url, HttpContent? content, string? origin, string? fetchSite)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (origin is not null) request.Headers.TryAddWithoutValidation("Origin", origin);
        if (fetchSite is not null) request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);
        return await http.SendAsync(request);
    }
}
