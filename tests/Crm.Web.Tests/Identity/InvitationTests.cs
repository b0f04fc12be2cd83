using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Identity;

/// <summary>Admins invite; the invited person chooses a password through a single-use code, then signs in with the role given.</summary>
[Collection(IdentityCollection.Name)]
public sealed class InvitationTests(IdentityNodeFixture node)
{
    [Fact]
    public async Task Invite_AcceptedThenSignedIn_ActsWithTheRoleGiven()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var invitation = await admin.InviteAsync("supervisor");
        var email = invitation["user"]!["email"]!.GetValue<string>();
        var inviteUrl = new Uri(invitation["inviteUrl"]!.GetValue<string>());

        using var beforeAccepting = await ConsoleClient.Anonymous(node.BaseAddress).PasswordStepAsync(email);
        using var accept = await IdentityApi.AcceptAsync(node.BaseAddress, invitation["code"]!.GetValue<string>(), IdentityApi.Password);
        using var member = await ConsoleClient.SignInAsync(node.BaseAddress, email);
        var me = JsonNode.Parse(await member.Http.GetStringAsync("api/auth/me"))!;

        Assert.Equal("/account/accept-invite", inviteUrl.AbsolutePath);
        Assert.Equal("invited", invitation["user"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, beforeAccepting.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, accept.StatusCode);
        Assert.Equal("supervisor", me["role"]!.GetValue<string>());
        Assert.Equal(DemoUsers.Workspace, me["workspaceId"]!.GetValue<string>());
        using var agents = await member.Http.GetAsync("api/agents");
        Assert.Contains(me["agentId"]!.GetValue<string>(), await agents.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AcceptInvitation_Twice_TheSecondIsRefusedAndThePasswordStays()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var invitation = await admin.InviteAsync("agent");
        var code = invitation["code"]!.GetValue<string>();

        using var first = await IdentityApi.AcceptAsync(node.BaseAddress, code, IdentityApi.Password);
        using var second = await IdentityApi.AcceptAsync(node.BaseAddress, code, "Another-Password-99");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("not valid or has expired", await second.ProblemDetailAsync());
        using var signIn = await ConsoleClient.SignInAsync(node.BaseAddress, invitation["user"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task AcceptInvitation_WeakPassword_Returns400AndTheCodeStillWorks()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var invitation = await admin.InviteAsync("agent");
        var code = invitation["code"]!.GetValue<string>();

        using var weak = await IdentityApi.AcceptAsync(node.BaseAddress, code, "short");
        using var strong = await IdentityApi.AcceptAsync(node.BaseAddress, code, IdentityApi.Password);

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("at least 10 characters", await weak.ProblemDetailAsync());
        Assert.Equal(HttpStatusCode.NoContent, strong.StatusCode);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("bm8tY29sb24")]
    public async Task AcceptInvitation_BadCode_Returns400(string code)
    {
        using var response = await IdentityApi.AcceptAsync(node.BaseAddress, code, IdentityApi.Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invitation link", await response.ProblemDetailAsync());
    }

    public static TheoryData<string, object, string> BadInvitations => new()
    {
        { "no email", new { displayName = "X", role = "agent" }, "valid email" },
        { "not an email", new { email = "not-an-email", displayName = "X", role = "agent" }, "valid email" },
        { "display form", new { email = "Jo <jo@x.test>", displayName = "X", role = "agent" }, "valid email" },
        { "no name", new { email = "noname@x.test", role = "agent" }, "display name" },
        { "long name", new { email = "long@x.test", displayName = new string('n', 101), role = "agent" }, "display name" },
        { "unknown role", new { email = "role@x.test", displayName = "X", role = "root" }, "admin, supervisor, agent, sales" },
        { "existing email", new { email = DemoUsers.Agent, displayName = "X", role = "agent" }, "already has an account" },
    };

    [Theory]
    [MemberData(nameof(BadInvitations))]
    public async Task Invite_BadInput_Returns4xxWithTheReasonAndCreatesNobody(string _, object body, string reason)
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var before = await admin.Http.GetStringAsync("api/admin/users");

        using var response = await admin.Http.PostAsJsonAsync("api/admin/users/invitations", body);

        Assert.True((int)response.StatusCode is 400 or 409, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Contains(reason, await response.ProblemDetailAsync());
        Assert.Equal(JsonNode.Parse(before)!.AsArray().Count, JsonNode.Parse(await admin.Http.GetStringAsync("api/admin/users"))!.AsArray().Count);
    }

    [Fact]
    public async Task AdminApi_AsAnAgent_Returns403NamingTheRole()
    {
        using var agent = await node.SignInAsync(DemoUsers.Agent);

        using var list = await agent.Http.GetAsync("api/admin/users");
        using var invite = await agent.Http.PostAsJsonAsync("api/admin/users/invitations", new { email = "x@x.test", displayName = "X", role = "admin" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Contains("admin role", await list.ProblemDetailAsync());
        Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);
    }
}
