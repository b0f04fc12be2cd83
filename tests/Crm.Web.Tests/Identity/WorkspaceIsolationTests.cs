using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Identity;

/// <summary>An admin sees and changes only their own workspace's users: another workspace's user reads as unknown (404).</summary>
[Collection(IdentityCollection.Name)]
public sealed class WorkspaceIsolationTests(IdentityNodeFixture node)
{
    [Fact]
    public async Task AdminOfAnotherWorkspace_CannotSeeOrChangeTheUser()
    {
        using var demoAdmin = await node.SignInAsync(DemoUsers.Admin);
        using var acmeAdmin = await ConsoleClient.SignInAsync(node.BaseAddress, IdentityNodeFixture.AcmeAdmin);
        var member = await demoAdmin.AddMemberAsync("agent");
        using var user = await member.SignInAsync(node.BaseAddress);
        var session = JsonNode.Parse(await user.Http.GetStringAsync("api/account/sessions"))!.AsArray().Single()!["sessionId"]!.GetValue<string>();

        var acmeList = JsonNode.Parse(await acmeAdmin.Http.GetStringAsync("api/admin/users"))!.AsArray();
        var attempts = new List<(string What, HttpResponseMessage Response)>
        {
            ("role", await acmeAdmin.Http.PutAsJsonAsync($"api/admin/users/{member.UserId}/role", new { role = "admin" })),
            ("deactivate", await acmeAdmin.Http.PostAsync($"api/admin/users/{member.UserId}/deactivate", null)),
            ("reactivate", await acmeAdmin.Http.PostAsync($"api/admin/users/{member.UserId}/reactivate", null)),
            ("reinvite", await acmeAdmin.Http.PostAsync($"api/admin/users/{member.UserId}/invitation", null)),
            ("reset 2fa", await acmeAdmin.Http.PostAsync($"api/admin/users/{member.UserId}/two-factor/reset", null)),
            ("sessions", await acmeAdmin.Http.GetAsync($"api/admin/users/{member.UserId}/sessions")),
            ("end session", await acmeAdmin.Http.DeleteAsync($"api/admin/users/{member.UserId}/sessions/{session}")),
            ("end all", await acmeAdmin.Http.DeleteAsync($"api/admin/users/{member.UserId}/sessions")),
        };

        Assert.All(acmeList, u => Assert.DoesNotContain("demo", u!["email"]!.GetValue<string>()));
        Assert.DoesNotContain(acmeList, u => u!["userId"]!.GetValue<string>() == member.UserId);
        foreach (var (what, response) in attempts)
        {
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            response.Dispose();
        }
        var me = JsonNode.Parse(await user.Http.GetStringAsync("api/auth/me"))!;
        Assert.Equal("agent", me["role"]!.GetValue<string>());
        Assert.Single(JsonNode.Parse(await user.Http.GetStringAsync("api/account/sessions"))!.AsArray());
    }

    [Fact]
    public async Task AdminOfTheDemoWorkspace_CannotTouchTheAcmeAdmin()
    {
        using var demoAdmin = await node.SignInAsync(DemoUsers.Admin);
        using var acmeAdmin = await ConsoleClient.SignInAsync(node.BaseAddress, IdentityNodeFixture.AcmeAdmin);
        var acmeId = JsonNode.Parse(await acmeAdmin.Http.GetStringAsync("api/auth/me"))!["userId"]!.GetValue<string>();

        using var deactivate = await demoAdmin.Http.PostAsync($"api/admin/users/{acmeId}/deactivate", null);
        using var sessions = await demoAdmin.Http.GetAsync($"api/admin/users/{acmeId}/sessions");
        var demoList = await demoAdmin.Http.GetStringAsync("api/admin/users");

        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sessions.StatusCode);
        Assert.DoesNotContain(IdentityNodeFixture.AcmeAdmin, demoList);
        using var stillIn = await acmeAdmin.Http.GetAsync("api/admin/users");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }
}
