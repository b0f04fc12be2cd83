using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing.Hosts;
using Crm.Testing.Identity;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Identity;

/// <summary>Five wrong passwords (or two-factor codes) lock an account for a few minutes, whatever comes next.</summary>
[Collection(IdentityCollection.Name)]
public sealed class LockoutTests(IdentityNodeFixture node)
{
    [Fact]
    public async Task SignIn_FiveWrongPasswords_RefusesEvenTheRightPasswordAndTheAdminSeesTheLock()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        using var http = new HttpClient { BaseAddress = node.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await http.PostAsJsonAsync("api/auth/login", new { email = member.Email, password = "Not-the-password-1" });
            statuses.Add(wrong.StatusCode);
        }
        using var right = await http.PostAsJsonAsync("api/auth/login", new { email = member.Email, password = IdentityApi.Password });

        // The same 401 throughout: a locked account answers as an unknown one, and the message says why the owner waits.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked for 5 minutes, even with the right password", await right.ProblemDetailAsync());
        Assert.False(right.Headers.Contains("Set-Cookie"));
        var listed = JsonNode.Parse(await admin.Http.GetStringAsync("api/admin/users"))!.AsArray()
            .Single(u => u!["userId"]!.GetValue<string>() == member.UserId)!;
        Assert.NotNull(listed["lockedOutUntil"]?.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task AccountEnumeration_LockedAccountAndUnknownEmail_GetTheSameAnswer()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        for (var i = 0; i < 5; i++)
            (await http.PostAsJsonAsync("api/auth/login", new { email = member.Email, password = "Not-the-password-1" })).Dispose();

        using var locked = await http.PostAsJsonAsync("api/auth/login", new { email = member.Email, password = "Not-the-password-1" });
        using var unknown = await http.PostAsJsonAsync("api/auth/login", new { email = $"nobody-{Guid.NewGuid():n}@demo.crm", password = "Not-the-password-1" });

        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Equal(await unknown.ProblemDetailAsync(), await locked.ProblemDetailAsync());
    }

    [Fact]
    public async Task TwoFactorStep_FiveWrongCodes_LocksTheAccount()
    {
        using var admin = await node.SignInAsync(DemoUsers.Admin);
        var member = await admin.AddMemberAsync("agent");
        string key;
        using (var enrolled = await member.SignInAsync(node.BaseAddress)) key = (await enrolled.TurnOnTwoFactorAsync()).Key;

        using var client = ConsoleClient.Anonymous(node.BaseAddress);
        var statuses = new List<HttpStatusCode>();
        using (var first = await client.SignInWithTwoFactorAsync(member.Email, new { code = Totp.WrongCode(key) })) statuses.Add(first.StatusCode);
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await client.Http.PostAsJsonAsync("api/auth/two-factor", new { code = Totp.WrongCode(key) });
            statuses.Add(wrong.StatusCode);
        }
        using var right = await client.Http.PostAsJsonAsync("api/auth/two-factor", new { code = Totp.Code(key) });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.Locked], statuses);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        using var me = await client.Http.GetAsync("api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }
}
