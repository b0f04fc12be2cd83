using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing.Hosts;
using Xunit;

namespace Crm.Testing.Identity;

/// <summary>The identity calls tests make: invitations, two-factor set-up and sign-in, sessions, over the real API.</summary>
public static class IdentityApi
{
    public const string Password = CrmProcess.DemoPassword;

    /// <summary>Invites a fresh member of the admin's workspace; returns the response body (user and invitation code).</summary>
    public static async Task<JsonNode> InviteAsync(this ConsoleClient admin, string role, string? email = null)
    {
        email ??= $"{role}-{Guid.NewGuid():N}"[..20] + "@members.test";
        using var response = await admin.Http.PostAsJsonAsync("api/admin/users/invitations", new { email, displayName = $"Test {role}", role });
        return await RequireAsync(response, HttpStatusCode.Created, $"inviting {email}");
    }

    /// <summary>Invites, accepts with the test password, and returns the new member (not signed in).</summary>
    public static async Task<Member> AddMemberAsync(this ConsoleClient admin, string role)
    {
        var invitation = await admin.InviteAsync(role);
        using var accept = await AcceptAsync(admin.BaseAddress, invitation["code"]!.GetValue<string>(), Password);
        Assert.Equal(HttpStatusCode.NoContent, accept.StatusCode);
        var user = invitation["user"]!;
        return new Member(user["userId"]!.GetValue<string>(), user["email"]!.GetValue<string>(), role, user["agentId"]!.GetValue<string>());
    }

    public static async Task<HttpResponseMessage> AcceptAsync(Uri baseAddress, string code, string password)
    {
        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        return await anonymous.PostAsJsonAsync("api/auth/invitations/accept", new { code, password });
    }

    public static Task<ConsoleClient> SignInAsync(this Member member, Uri baseAddress) => ConsoleClient.SignInAsync(baseAddress, member.Email);

    public static Task<HttpResponseMessage> PasswordStepAsync(this ConsoleClient client, string email, string password = Password) =>
        client.Http.PostAsJsonAsync("api/auth/login", new { email, password });

    /// <summary>
    /// Sets up and turns on two-factor sign-in for the signed-in user; returns the shared key, the recovery codes, and
    /// the code that confirmed the set-up (already used: the server accepts each code once).
    /// </summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes, string UsedCode)> TurnOnTwoFactorAsync(this ConsoleClient user)
    {
        using var begin = await user.Http.PostAsync("api/account/2fa/authenticator", null);
        var setup = await RequireAsync(begin, HttpStatusCode.OK, "starting two-factor set-up");
        var uri = new Uri(setup["authenticatorUri"]!.GetValue<string>());
        var key = System.Web.HttpUtility.ParseQueryString(uri.Query)["secret"]!;
        Assert.Equal(key.ToLowerInvariant(), setup["sharedKey"]!.GetValue<string>().Replace(" ", ""));

        var code = Totp.Code(key);
        using var confirm = await user.Http.PostAsJsonAsync("api/account/2fa/confirm", new { code });
        var codes = await RequireAsync(confirm, HttpStatusCode.OK, "confirming two-factor set-up");
        return (key, codes["codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList(), code);
    }

    /// <summary>Signs in with the password and then <paramref name="secondStep"/> ({ code } or { recoveryCode }); returns the second answer.</summary>
    public static async Task<HttpResponseMessage> SignInWithTwoFactorAsync(this ConsoleClient client, string email, object secondStep)
    {
        using (var password = await client.PasswordStepAsync(email))
        {
            var problem = await RequireAsync(password, HttpStatusCode.Unauthorized, "the password step");
            Assert.True(problem["twoFactorRequired"]?.GetValue<bool>(), $"Expected twoFactorRequired: {problem}");
        }
        return await client.Http.PostAsJsonAsync("api/auth/two-factor", secondStep);
    }

    public static async Task<JsonNode> RequireAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
