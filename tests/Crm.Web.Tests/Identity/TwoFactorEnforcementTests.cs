using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Crm.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Crm.Web.Tests.Identity;

/// <summary>
/// A workspace that requires two-factor sign-in lets a member without it sign in, but nowhere except setting it up:
/// the API answers 403 saying so, the console sends them to the set-up page, the hub refuses (and closes connections
/// opened before). A node of its own:
/// requiring two-factor sign-in changes the whole demo workspace.
/// </summary>
public sealed class TwoFactorEnforcementTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    [Fact]
    public async Task RequireTwoFactor_MemberWithoutIt_MustSetItUpBeforeTheApiConsoleOrHub()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        using var connectedBefore = await node.SignInAsync(DemoUsers.Agent2);
        await using var liveBefore = await LiveClient.ConnectAsync(connectedBefore);
        using (var tooEarly = await admin.Http.PutAsJsonAsync("api/workspace/security", new { requireTwoFactor = true }))
        {
            Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
            Assert.Contains("your own account first", await tooEarly.ProblemDetailAsync());
        }
        await admin.TurnOnTwoFactorAsync();
        using (var require = await admin.Http.PutAsJsonAsync("api/workspace/security", new { requireTwoFactor = true }))
            Assert.True((await IdentityApi.RequireAsync(require, HttpStatusCode.OK, "requiring two-factor"))["requireTwoFactor"]!.GetValue<bool>());

        // A hub connection opened before the rule, by someone without two-factor sign-in, does not outlive it.
        await Eventually.TrueAsync(() => liveBefore.Connection.State == HubConnectionState.Disconnected,
            "the hub connection of a member without two-factor sign-in to close", TimeSpan.FromSeconds(15));
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        using (var api = await agent.Http.GetAsync("api/conversations"))
        {
            var problem = await IdentityApi.RequireAsync(api, HttpStatusCode.Forbidden, "the API before set-up");
            Assert.True(problem["twoFactorEnrolmentRequired"]!.GetValue<bool>());
            Assert.Contains("requires two-factor sign-in", problem["detail"]!.GetValue<string>());
        }
        using (var page = await agent.Http.GetAsync("inbox"))
        {
            Assert.Equal("/account/two-factor", page.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal("?returnUrl=%2Finbox", page.RequestMessage.RequestUri.Query);
        }
        await using (var hub = LiveClient.Build(node.BaseAddress, agent.CookieHeader))
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        var me = JsonNode.Parse(await agent.Http.GetStringAsync("api/auth/me"))!;
        Assert.True(me["twoFactorEnrolmentRequired"]!.GetValue<bool>());

        var (key, _, _) = await agent.TurnOnTwoFactorAsync();

        using (var after = await agent.Http.GetAsync("api/conversations")) Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        await using (var live = await LiveClient.ConnectAsync(agent)) Assert.Equal(HubConnectionState.Connected, live.Connection.State);
        using (var disable = await agent.Http.PostAsJsonAsync("api/account/2fa/disable", new { code = Totp.NextCode(key) }))
        {
            Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
            Assert.Contains("cannot be turned off", await disable.ProblemDetailAsync());
        }
        using (var byAgent = await agent.Http.PutAsJsonAsync("api/workspace/security", new { requireTwoFactor = false }))
            Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        using (var malformed = await admin.Http.PutAsJsonAsync("api/workspace/security", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.Contains("requireTwoFactor", await malformed.ProblemDetailAsync());
        }
        var settings = JsonNode.Parse(await agent.Http.GetStringAsync("api/workspace/security"))!;
        Assert.True(settings["requireTwoFactor"]!.GetValue<bool>());
    }
}
