using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Identity;

/// <summary>
/// Two-factor sign-in with an authenticator app (the test computes TOTP codes from the shared key, RFC 6238) and
/// with recovery codes, each of which works once.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class TwoFactorLoginTests(IdentityNodeFixture node)
{
    [Fact]
    public async Task SignIn_TwoFactorOn_NeedsAFreshCodeAfterThePassword()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        string key;
        using (var enrolled = await member.SignInAsync(node.BaseAddress)) key = (await enrolled.TurnOnTwoFactorAsync()).Key;

        using var client = ConsoleClient.Anonymous(node.BaseAddress);
        using var wrong = await client.SignInWithTwoFactorAsync(member.Email, new { code = Totp.WrongCode(key) });
        using (var notYet = await client.Http.GetAsync("api/auth/me")) Assert.Equal(HttpStatusCode.Unauthorized, notYet.StatusCode);
        using var right = await client.Http.PostAsJsonAsync("api/auth/two-factor", new { code = Totp.NextCode(key) });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("not right", await wrong.ProblemDetailAsync());
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        var me = JsonNode.Parse(await client.Http.GetStringAsync("api/auth/me"))!;
        Assert.Equal(member.UserId, me["userId"]!.GetValue<string>());
        Assert.True(me["twoFactorEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SignIn_ACodeAlreadyUsed_IsRefusedAndTheNextOneWorks()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        string key, confirmedWith;
        using (var enrolled = await member.SignInAsync(node.BaseAddress)) (key, _, confirmedWith) = await enrolled.TurnOnTwoFactorAsync();

        // Replaying a code that was accepted must not sign anyone in (RFC 6238 §5.2).
        using var client = ConsoleClient.Anonymous(node.BaseAddress);
        using var replayed = await client.SignInWithTwoFactorAsync(member.Email, new { code = confirmedWith });
        var nextCode = Totp.NextCode(key);
        using var next = await client.Http.PostAsJsonAsync("api/auth/two-factor", new { code = nextCode });
        using var again = ConsoleClient.Anonymous(node.BaseAddress);
        using var nextReplayed = await again.SignInWithTwoFactorAsync(member.Email, new { code = nextCode });

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, next.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nextReplayed.StatusCode);
    }

    [Fact]
    public async Task SignIn_RecoveryCode_WorksOnceOnly()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        IReadOnlyList<string> codes;
        using (var enrolled = await member.SignInAsync(node.BaseAddress)) codes = (await enrolled.TurnOnTwoFactorAsync()).RecoveryCodes;

        using var first = ConsoleClient.Anonymous(node.BaseAddress);
        using var used = await first.SignInWithTwoFactorAsync(member.Email, new { recoveryCode = codes[0] });
        using var again = ConsoleClient.Anonymous(node.BaseAddress);
        using var reused = await again.SignInWithTwoFactorAsync(member.Email, new { recoveryCode = codes[0] });
        using var another = await again.Http.PostAsJsonAsync("api/auth/two-factor", new { recoveryCode = codes[1].ToLowerInvariant() });

        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.NoContent, used.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Contains("already used", await reused.ProblemDetailAsync());
        Assert.Equal(HttpStatusCode.NoContent, another.StatusCode);
        var status = JsonNode.Parse(await again.Http.GetStringAsync("api/account/2fa"))!;
        Assert.Equal(8, status["recoveryCodesLeft"]!.GetValue<int>());
    }

    [Fact]
    public async Task TwoFactorStep_WithoutThePasswordStep_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        using var response = await anonymous.PostAsJsonAsync("api/auth/two-factor", new { code = "123456" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("password first", await response.ProblemDetailAsync());
    }

    public static TheoryData<string, string, string> BadSecondSteps => new()
    {
        { "both", """{"code":"123456","recoveryCode":"ABCDE-FGHIJ"}""", "either" },
        { "neither", "{}", "either" },
        { "letters as a code", """{"code":"12ab56"}""", "6 digits" },
        { "seven digits", """{"code":"1234567"}""", "6 digits" },
        { "recovery code with symbols", """{"recoveryCode":"<script>"}""", "recovery code" },
        { "not JSON", "code=123456", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadSecondSteps))]
    public async Task TwoFactorStep_Malformed_Returns400WithTheReason(string _, string body, string reason)
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        using var response = await anonymous.PostAsync("api/auth/two-factor", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, await response.ProblemDetailAsync());
    }

    [Fact]
    public async Task ConfirmSetup_WrongCode_Returns400AndLeavesTwoFactorOff()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        using var user = await member.SignInAsync(node.BaseAddress);
        using var begin = await user.Http.PostAsync("api/account/2fa/authenticator", null);
        var key = System.Web.HttpUtility.ParseQueryString(new Uri(JsonNode.Parse(await begin.Content.ReadAsStringAsync())!["authenticatorUri"]!
            .GetValue<string>()).Query)["secret"]!;

        using var wrong = await user.Http.PostAsJsonAsync("api/account/2fa/confirm", new { code = Totp.WrongCode(key) });
        using var notACode = await user.Http.PostAsJsonAsync("api/account/2fa/confirm", new { code = "abc" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("not right", await wrong.ProblemDetailAsync());
        Assert.Equal(HttpStatusCode.BadRequest, notACode.StatusCode);
        var status = JsonNode.Parse(await user.Http.GetStringAsync("api/account/2fa"))!;
        Assert.False(status["enabled"]!.GetValue<bool>());
        using var password = await ConsoleClient.Anonymous(node.BaseAddress).PasswordStepAsync(member.Email);
        Assert.Equal(HttpStatusCode.NoContent, password.StatusCode);
    }

    [Fact]
    public async Task Disable_WithTheCurrentCode_SignInNeedsThePasswordOnly()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        using var user = await member.SignInAsync(node.BaseAddress);
        var (key, _, _) = await user.TurnOnTwoFactorAsync();

        using var withoutCode = await user.Http.PostAsJsonAsync("api/account/2fa/disable", new { code = "" });
        using var disabled = await user.Http.PostAsJsonAsync("api/account/2fa/disable", new { code = Totp.NextCode(key) });

        Assert.Equal(HttpStatusCode.BadRequest, withoutCode.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        using var password = await ConsoleClient.Anonymous(node.BaseAddress).PasswordStepAsync(member.Email);
        Assert.Equal(HttpStatusCode.NoContent, password.StatusCode);
    }
}
