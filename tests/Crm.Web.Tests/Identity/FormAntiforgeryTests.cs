using System.Net;
using Crm.Testing.Identity;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Identity;

/// <summary>The sign-in and invitation forms are refused without their antiforgery token: another site cannot post them.</summary>
[Collection(IdentityCollection.Name)]
public sealed class FormAntiforgeryTests(IdentityNodeFixture node)
{
    [Fact]
    public async Task LoginForm_PostedWithoutAntiforgeryToken_IsRefusedAndSignsNobodyIn()
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };

        using var response = await http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = DemoUsers.Agent, ["Input.Password"] = IdentityApi.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("crm.auth="));
    }

    [Fact]
    public async Task AcceptInviteForm_PostedWithoutAntiforgeryToken_IsRefusedAndTheCodeStillWorks()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var invitation = await admin.InviteAsync("agent");
        var code = invitation["code"]!.GetValue<string>();
        using var http = new HttpClient { BaseAddress = node.BaseAddress };

        using var forged = await http.PostAsync($"account/accept-invite?code={code}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "accept-invite", ["Input.Password"] = "Forged-Password-1", ["Input.Confirm"] = "Forged-Password-1",
        }));
        using var accepted = await IdentityApi.AcceptAsync(node.BaseAddress, code, IdentityApi.Password);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
    }
}
