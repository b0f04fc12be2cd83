using System.Net;
using System.Net.Http.Json;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Security;

/// <summary>Widget sessions are limited per client address (30 a minute by default).</summary>
public sealed class WidgetRateLimitTests(LimitedNodeFixture node) : IClassFixture<LimitedNodeFixture>
{
    [Fact]
    public async Task SessionFlood_Is429WithRetryAfter_ReadableByTheWidgetsOrigin()
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/widget/sessions")
            {
                Content = JsonContent.Create(new { workspaceId = DemoUsers.Workspace, token = (string?)null }),
            };
            request.Headers.Add("Origin", "https://shop.example");
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode != HttpStatusCode.TooManyRequests) continue;

            Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {response.Headers.RetryAfter}");
            Assert.StartsWith("Too many chat sessions from this address", await response.ProblemDetailAsync());
            // The widget's script runs on another origin: without CORS headers it could not read the refusal.
            Assert.True(response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origin), "No CORS header on the 429.");
            Assert.Equal("*", Assert.Single(origin));
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 30), statuses.Take(30));
        Assert.All(statuses.Skip(30), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }
}
