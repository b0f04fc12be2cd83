using System.Net;
using System.Net.Http.Json;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Security;

/// <summary>Sign-in attempts are limited per email (10 a minute by default), separately from the account lockout.</summary>
public sealed class LoginRateLimitTests(LimitedNodeFixture node) : IClassFixture<LimitedNodeFixture>
{
    [Fact]
    public async Task EleventhFastAttemptOnOneEmail_Is429WithRetryAfterAndAMessage_AfterTheLockoutAnswered()
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            last?.Dispose();
            last = await http.PostAsJsonAsync("api/auth/login", new { email = DemoUsers.Admin, password = "not-the-password" });
            statuses.Add(last.StatusCode);
        }

        // Five wrong passwords lock the account (answered as any wrong password); the limiter answers on its own after ten.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.True(last!.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {last.Headers.RetryAfter}");
        Assert.StartsWith("Too many sign-in attempts: try again in ", await last.ProblemDetailAsync());
        last.Dispose();
    }

    [Fact]
    public async Task ALimitedEmail_DoesNotBlockAnotherEmailFromTheSameAddress()
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        for (var i = 0; i < 10; i++)
        {
            using var attempt = await http.PostAsJsonAsync("api/auth/login", new { email = "nobody@demo.crm", password = "x" });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }
        using var refused = await http.PostAsJsonAsync("api/auth/login", new { EMAIL = " NOBODY@demo.crm ", password = "x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        using var response = await http.PostAsJsonAsync("api/auth/login", new { email = DemoUsers.Agent, password = Crm.Testing.Hosts.CrmProcess.DemoPassword });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task OversizedLoginBody_Is413NotA500()
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        using var response = await http.PostAsJsonAsync("api/auth/login", new { email = "big@demo.crm", password = new string('x', 40_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task MalformedLoginBody_IsStillA400()
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        using var response = await http.PostAsync("api/auth/login", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
