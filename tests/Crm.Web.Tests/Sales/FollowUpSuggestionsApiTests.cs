using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Web.Tests.Inbound;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Sales;

/// <summary>
/// The assistant's follow-ups on My day through the API: a rep sees suggestions for their own deals only (supervisors
/// and admins any rep's, agents none), a verdict is recorded once and the suggestion leaves the list, bad input is a 4xx.
/// </summary>
public sealed class FollowUpSuggestionsApiTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    [Fact]
    public async Task Suggestions_OwnRepAndManagersSeeThem_OtherCallersAreRefused()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        using var supervisor = await node.SignInAsync(DemoUsers.Supervisor);
        using var agent = await node.SignInAsync(DemoUsers.Agent);
        var dealId = await CreateLateDealAsync(sales.Http);
        var supervisorsDeal = await CreateLateDealAsync(supervisor.Http);

        var mine = await ListAsync(sales.Http, "");
        var suggestion = mine.Single(s => s.GetProperty("dealId").GetString() == dealId);
        var owner = suggestion.GetProperty("ownerId").GetString()!;
        var bySupervisor = await ListAsync(supervisor.Http, $"?owner={Uri.EscapeDataString(owner)}");
        using var intruding = await sales.Http.GetAsync($"api/my-day/suggestions?owner={Uri.EscapeDataString(OwnerOf(await ListAsync(supervisor.Http, ""), supervisorsDeal))}");
        using var byAgent = await agent.Http.GetAsync("api/my-day/suggestions");

        Assert.Equal("close-date-passed", suggestion.GetProperty("kind").GetString());
        Assert.Contains("days past the close date", suggestion.GetProperty("signals")[0].GetProperty("name").GetString());
        Assert.Contains("Engines follow-up", suggestion.GetProperty("draft").GetString());
        Assert.DoesNotContain(mine, s => s.GetProperty("dealId").GetString() == supervisorsDeal);
        Assert.Contains(bySupervisor, s => s.GetProperty("dealId").GetString() == dealId);
        await ProblemAssert.StatusAsync(intruding, HttpStatusCode.Forbidden, "only their own follow-up suggestions");
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
    }

    [Fact]
    public async Task Feedback_Rejected_IsRecordedOnce_AndTheSuggestionLeavesTheList()
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);
        var dealId = await CreateLateDealAsync(sales.Http);
        var id = (await ListAsync(sales.Http, "")).Single(s => s.GetProperty("dealId").GetString() == dealId).GetProperty("suggestionId").GetString();

        using var rejected = await sales.Http.PostAsJsonAsync("api/my-day/suggestions/feedback", new { suggestionId = id, verdict = "rejected" }, ApiJson.Options);
        using var again = await sales.Http.PostAsJsonAsync("api/my-day/suggestions/feedback", new { suggestionId = id, verdict = "accepted" }, ApiJson.Options);

        Assert.Equal(HttpStatusCode.NoContent, rejected.StatusCode);
        await ProblemAssert.StatusAsync(again, HttpStatusCode.NotFound, "no such open suggestion");
        Assert.DoesNotContain(await ListAsync(sales.Http, ""), s => s.GetProperty("suggestionId").GetString() == id);
    }

    public static TheoryData<string, object, HttpStatusCode, string> BadFeedback => new()
    {
        { "no id", new { verdict = "accepted" }, HttpStatusCode.BadRequest, "suggestionId" },
        { "unknown verdict", new { suggestionId = "x", verdict = "maybe" }, HttpStatusCode.BadRequest, "accepted, edited or rejected" },
        { "numeric verdict", new { suggestionId = "x", verdict = "1" }, HttpStatusCode.BadRequest, "accepted, edited or rejected" },
        { "someone else's", new { suggestionId = "idle-deal:nope:1", verdict = "accepted" }, HttpStatusCode.NotFound, "no such open suggestion" },
    };

    [Theory]
    [MemberData(nameof(BadFeedback))]
    public async Task Feedback_BadInput_Is4xxWithTheReason(string _, object body, HttpStatusCode expected, string reason)
    {
        using var sales = await node.SignInAsync(DemoUsers.Sales);

        using var response = await sales.Http.PostAsJsonAsync("api/my-day/suggestions/feedback", body, ApiJson.Options);

        await ProblemAssert.StatusAsync(response, expected, reason);
    }

    private static async Task<string> CreateLateDealAsync(HttpClient http)
    {
        var close = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)).ToString("yyyy-MM-dd");
        using var response = await http.PostAsJsonAsync("api/deals",
            new { title = $"Engines follow-up {Guid.NewGuid():N}", stageId = "lead", amount = 1200, currency = "EUR", expectedClose = close }, ApiJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ApiJson.Options)).GetProperty("dealId").GetString()!;
    }

    private static async Task<IReadOnlyList<JsonElement>> ListAsync(HttpClient http, string query) =>
        [.. (await http.GetFromJsonAsync<JsonElement>($"api/my-day/suggestions{query}", ApiJson.Options)).EnumerateArray()];

    private static string OwnerOf(IReadOnlyList<JsonElement> suggestions, string dealId) =>
        suggestions.Single(s => s.GetProperty("dealId").GetString() == dealId).GetProperty("ownerId").GetString()!;
}
