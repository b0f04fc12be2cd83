using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Crm.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Crm.Web.Tests.Identity;

/// <summary>Users see where they are signed in and end sessions; admins end anyone's in their workspace; an ended session's cookie is refused.</summary>
[Collection(IdentityCollection.Name)]
public sealed class SessionTests(IdentityNodeFixture node)
{
    [Fact]
    public async Task ListSessions_SignedInTwice_ShowsBothAndMarksTheCurrentOne()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        using var laptop = await member.SignInAsync(node.BaseAddress);
        using var phone = await member.SignInAsync(node.BaseAddress);

        var sessions = JsonNode.Parse(await laptop.Http.GetStringAsync("api/account/sessions"))!.AsArray();

        Assert.Equal(2, sessions.Count);
        Assert.Single(sessions, s => s!["current"]!.GetValue<bool>());
        Assert.All(sessions, s => Assert.Equal("127.0.0.1", s!["ipAddress"]!.GetValue<string>()));
    }

    [Fact]
    public async Task EndSession_AnotherOfMine_ItsCookieIsRefusedAndItsHubConnectionCloses()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        using var laptop = await member.SignInAsync(node.BaseAddress);
        using var phone = await member.SignInAsync(node.BaseAddress);
        await using var phoneLive = await LiveClient.ConnectAsync(phone);
        var phoneSession = JsonNode.Parse(await phone.Http.GetStringAsync("api/account/sessions"))!.AsArray()
            .Single(s => s!["current"]!.GetValue<bool>())!["sessionId"]!.GetValue<string>();

        using var end = await laptop.Http.DeleteAsync($"api/account/sessions/{phoneSession}");

        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        using (var refused = await phone.Http.GetAsync("api/conversations")) Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using (var stillIn = await laptop.Http.GetAsync("api/conversations")) Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        await Crm.Testing.Eventually.TrueAsync(() => phoneLive.Connection.State == HubConnectionState.Disconnected,
            "the ended session's hub connection to close", TimeSpan.FromSeconds(5));
        var left = JsonNode.Parse(await laptop.Http.GetStringAsync("api/account/sessions"))!.AsArray();
        Assert.DoesNotContain(left, s => s!["sessionId"]!.GetValue<string>() == phoneSession);
    }

    [Fact]
    public async Task Logout_ThenReplayTheOldCookie_IsRefused()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        using var user = await member.SignInAsync(node.BaseAddress);
        var stolen = user.CookieHeader;

        using (var logout = await user.Http.PostAsync("api/auth/logout", null)) Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = node.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/auth/me");
        request.Headers.Add("Cookie", stolen);
        using var response = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AdminEndsASession_ThatCookieIsRefused()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("supervisor");
        using var user = await member.SignInAsync(node.BaseAddress);
        var sessions = JsonNode.Parse(await admin.Http.GetStringAsync($"api/admin/users/{member.UserId}/sessions"))!.AsArray();

        using var end = await admin.Http.DeleteAsync($"api/admin/users/{member.UserId}/sessions/{sessions.Single()!["sessionId"]!.GetValue<string>()}");

        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        using var refused = await user.Http.GetAsync("api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(JsonNode.Parse(await admin.Http.GetStringAsync($"api/admin/users/{member.UserId}/sessions"))!.AsArray());
    }

    [Fact]
    public async Task EndSession_SomeoneElsesOrUnknown_Returns404AndEndsNothing()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        using var user = await member.SignInAsync(node.BaseAddress);
        using var other = await (await admin.AddMemberAsync("agent")).SignInAsync(node.BaseAddress);
        var othersSession = JsonNode.Parse(await other.Http.GetStringAsync("api/account/sessions"))!.AsArray().Single()!["sessionId"]!.GetValue<string>();

        using var someoneElses = await user.Http.DeleteAsync($"api/account/sessions/{othersSession}");
        using var unknown = await user.Http.DeleteAsync("api/account/sessions/no-such-session");

        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
        Assert.Contains("no such active session", await someoneElses.ProblemDetailAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var stillIn = await other.Http.GetAsync("api/auth/me");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }
}
