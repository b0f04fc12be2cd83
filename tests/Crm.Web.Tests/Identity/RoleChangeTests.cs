using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Identity;

/// <summary>A role change counts from the user's next request, with the cookie they already have.</summary>
[Collection(IdentityCollection.Name)]
public sealed class RoleChangeTests(IdentityNodeFixture node)
{
    [Fact]
    public async Task ChangeRole_AgentToAdminAndBack_TheNextRequestUsesEachNewRole()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        using var user = await member.SignInAsync(node.BaseAddress);
        using (var asAgent = await user.Http.GetAsync("api/admin/users")) Assert.Equal(HttpStatusCode.Forbidden, asAgent.StatusCode);

        using (var promote = await admin.Http.PutAsJsonAsync($"api/admin/users/{member.UserId}/role", new { role = "admin" }))
            Assert.Equal("admin", (await IdentityApi.RequireAsync(promote, HttpStatusCode.OK, "promoting"))["role"]!.GetValue<string>());
        using (var asAdmin = await user.Http.GetAsync("api/admin/users")) Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Equal("admin", JsonNode.Parse(await user.Http.GetStringAsync("api/auth/me"))!["role"]!.GetValue<string>());

        using (var demote = await admin.Http.PutAsJsonAsync($"api/admin/users/{member.UserId}/role", new { role = "sales" }))
            Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        using (var asSales = await user.Http.GetAsync("api/admin/users")) Assert.Equal(HttpStatusCode.Forbidden, asSales.StatusCode);
        Assert.Equal("sales", JsonNode.Parse(await user.Http.GetStringAsync("api/auth/me"))!["role"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"role":"root"}""")]
    [InlineData("""{"role":null}""")]
    [InlineData("{}")]
    public async Task ChangeRole_NotARole_Returns400AndKeepsTheRole(string body)
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");

        using var response = await admin.Http.PutAsync($"api/admin/users/{member.UserId}/role",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role must be one of", await response.ProblemDetailAsync());
        using var user = await member.SignInAsync(node.BaseAddress);
        Assert.Equal("agent", JsonNode.Parse(await user.Http.GetStringAsync("api/auth/me"))!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChangeRole_OfTheOnlyAdmin_Returns409()
    {
        // Acme has exactly one admin, and no test makes another.
        using var acme = await ConsoleClient.SignInAsync(node.BaseAddress, IdentityNodeFixture.AcmeAdmin);
        var me = JsonNode.Parse(await acme.Http.GetStringAsync("api/auth/me"))!["userId"]!.GetValue<string>();

        using var response = await acme.Http.PutAsJsonAsync($"api/admin/users/{me}/role", new { role = "agent" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("at least one active admin", await response.ProblemDetailAsync());
        Assert.Equal("admin", JsonNode.Parse(await acme.Http.GetStringAsync("api/auth/me"))!["role"]!.GetValue<string>());
    }
}
