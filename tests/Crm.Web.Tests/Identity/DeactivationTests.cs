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

/// <summary>Deactivating a user ends everything at once: their open hub connections close and their cookie is refused.</summary>
[Collection(IdentityCollection.Name)]
public sealed class DeactivationTests(IdentityNodeFixture node)
{
    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Deactivate_UserWithAnOpenHubConnection_ConnectionClosesAndTheNextRequestIsRefused()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        using var user = await member.SignInAsync(node.BaseAddress);
        await using var live = await LiveClient.ConnectAsync(user);
        var closed = new TaskCompletionSource();
        live.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        using (var before = await user.Http.GetAsync("api/conversations")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var cookie = user.CookieHeader;

        using var deactivate = await admin.Http.PostAsync($"api/admin/users/{member.UserId}/deactivate", null);

        var details = await IdentityApi.RequireAsync(deactivate, HttpStatusCode.OK, "deactivating");
        Assert.Equal("deactivated", details["status"]!.GetValue<string>());
        await closed.Task.WaitAsync(WithinSeconds);
        Assert.Equal(HubConnectionState.Disconnected, live.Connection.State);
        using (var after = await user.Http.GetAsync("api/conversations")) Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        // The client dropped the cookie when the server cleared it; a copy kept elsewhere is refused just the same.
        await using var reconnect = LiveClient.Build(node.BaseAddress, cookie);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => reconnect.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Deactivate_ThenSignIn_IsRefusedUntilReactivated()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("sales");

        using (var deactivate = await admin.Http.PostAsync($"api/admin/users/{member.UserId}/deactivate", null))
            Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        using var refused = await ConsoleClient.Anonymous(node.BaseAddress).PasswordStepAsync(member.Email);
        using (var reactivate = await admin.Http.PostAsync($"api/admin/users/{member.UserId}/reactivate", null))
            Assert.Equal("active", (await IdentityApi.RequireAsync(reactivate, HttpStatusCode.OK, "reactivating"))["status"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("not active", await refused.ProblemDetailAsync());
        using var signedIn = await member.SignInAsync(node.BaseAddress);
    }

    [Fact]
    public async Task Deactivate_Self_Returns409AndChangesNothing()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var me = JsonNode.Parse(await admin.Http.GetStringAsync("api/auth/me"))!["userId"]!.GetValue<string>();

        using var response = await admin.Http.PostAsync($"api/admin/users/{me}/deactivate", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("your own account", await response.ProblemDetailAsync());
        using var still = await admin.Http.GetAsync("api/admin/users");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task Deactivate_UnknownUser_Returns404()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);

        using var response = await admin.Http.PostAsync($"api/admin/users/{Guid.NewGuid()}/deactivate", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no such user", await response.ProblemDetailAsync());
    }
}
