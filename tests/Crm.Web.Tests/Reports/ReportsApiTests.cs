using System.Net;
using System.Text.Json.Nodes;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Web.Tests.Inbound;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Reports;

/// <summary>
/// /api/reports and /api/reports.csv on a real node: supervisors and admins only, clear 400s for bad ranges, a CSV that
/// spreadsheets read safely, the same numbers in JSON and CSV, and nothing from another workspace. Given conversations
/// are appended to the node's store at past dates of their own, so each test's range holds only its own data.
/// </summary>
public sealed class ReportsApiTests(WebNodeFixture node) : IClassFixture<WebNodeFixture>
{
    private static readonly Author Customer = new(AuthorKind.Customer, "cust-1", "Ada Lovelace");
    private const string FormulaName = "=HYPERLINK(\"http://evil.example\",\"click\"), Inc";

    [Theory]
    [InlineData(DemoUsers.Supervisor)]
    [InlineData(DemoUsers.Admin)]
    public async Task GetReport_AsSupervisorOrAdmin_ReturnsTheMetricsAndTheirDefinitions(string email)
    {
        using var user = await node.SignInAsync(email);

        using var response = await user.Http.GetAsync("api/reports?from=2026-01-01&to=2026-01-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(DemoUsers.Workspace, report["workspaceId"]!.GetValue<string>());
        Assert.Equal("2026-02-01T00:00:00+00:00", report["query"]!["to"]!.GetValue<string>());
        Assert.NotNull(report["firstResponse"]!["business"]!["count"]);
        Assert.Contains(report["definitions"]!.AsArray(), d => d!["id"]!.GetValue<string>() == "first-response");
    }

    [Theory]
    [InlineData(DemoUsers.Agent, "api/reports")]
    [InlineData(DemoUsers.Agent, "api/reports.csv")]
    [InlineData(DemoUsers.Sales, "api/reports")]
    [InlineData(DemoUsers.Sales, "api/reports.csv")]
    public async Task GetReport_AsAgentOrSales_Forbidden(string email, string path)
    {
        using var user = await node.SignInAsync(email);

        using var response = await user.Http.GetAsync($"{path}?from=2026-01-01&to=2026-01-31");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetReport_Anonymous_Unauthorized()
    {
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        using var response = await anonymous.GetAsync("api/reports.csv?from=2026-01-01&to=2026-01-31");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static TheoryData<string, string> BadRanges => new()
    {
        { "from=2026-03-01", "Give the range as 'from' and 'to'" },
        { "from=yesterday&to=2026-03-01", "'yesterday' is not a valid 'from'" },
        { "from=2026-03-10&to=2026-03-01", "'from' (2026-03-10T00:00:00.0000000+00:00) must be before 'to'" },
        { "from=2026-03-01T10:00:00Z&to=2026-03-01T10:00:00Z", "must be before 'to'" },
        { "from=2024-01-01&to=2026-01-01", "at most 400 days" },
        { "from=2026-03-01&to=2026-03-02&channel=fax", "'fax' is not a valid channel" },
        { "from=2026-03-01&to=2026-03-02&label=%3Dcmd", "A label is" },
    };

    [Theory]
    [MemberData(nameof(BadRanges))]
    public async Task GetReport_BadRangeOrFilter_Returns400WithAClearMessage(string query, string reason)
    {
        using var supervisor = await node.SignInAsync(DemoUsers.Supervisor);

        using var json = await supervisor.Http.GetAsync($"api/reports?{query}");
        using var csv = await supervisor.Http.GetAsync($"api/reports.csv?{query}");

        await ProblemAssert.StatusAsync(json, HttpStatusCode.BadRequest, reason);
        await ProblemAssert.StatusAsync(csv, HttpStatusCode.BadRequest, reason);
    }

    [Fact]
    public async Task GetReportCsv_AgentNamedLikeAFormula_HeaderRowRfc4180QuotingAndTheFormulaDefused()
    {
        var day = new DateTimeOffset(2020, 2, 3, 10, 0, 0, TimeSpan.Zero);
        await GivenResolvedConversationAsync(DemoUsers.Workspace, day, "evil", FormulaName);
        using var supervisor = await node.SignInAsync(DemoUsers.Supervisor);

        using var response = await supervisor.Http.GetAsync("api/reports.csv?from=2020-02-03&to=2020-02-03");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("report-demo-20200203-20200204.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.StartsWith("section,dimension,key,name,statistic,value\r\n", text);
        var rows = CsvText.Parse(text);
        Assert.All(rows, row => Assert.Equal(6, row.Length));
        // Quoted (it holds a comma and quotes) and prefixed with a quote, so a spreadsheet shows text, never a formula.
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\"), Inc\"", text);
        Assert.Equal("1", Cell(rows, "volume", "agent", "evil", "opened"));
        Assert.Equal("'" + FormulaName, rows.First(r => r[0] == "volume" && r[2] == "evil")[3]);
        Assert.DoesNotContain(rows, row => row.Any(cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@'));
        Assert.Equal("180", Cell(rows, "first-response", "calendar", "", "average-seconds"));
        Assert.Equal("5.00", Cell(rows, "csat", "agent", "evil", "average-score"));
        Assert.Equal("100.0", Cell(rows, "csat", "agent", "evil", "satisfied-percent"));
    }

    [Fact]
    public async Task GetReport_JsonAndCsvOfTheSameQuery_ShowTheSameNumbersAndDefinitions()
    {
        var day = new DateTimeOffset(2020, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await GivenResolvedConversationAsync(DemoUsers.Workspace, day, "alex", "Alex Agent", replyAfter: TimeSpan.FromMinutes(7));
        await GivenResolvedConversationAsync(DemoUsers.Workspace, day.AddHours(2), "jo", "Jo Agent", replyAfter: TimeSpan.FromMinutes(2), score: 3);
        using var supervisor = await node.SignInAsync(DemoUsers.Supervisor);
        const string query = "from=2020-03-02&to=2020-03-02";

        var json = JsonNode.Parse(await supervisor.Http.GetStringAsync($"api/reports?{query}"))!;
        var rows = CsvText.Parse(await supervisor.Http.GetStringAsync($"api/reports.csv?{query}"));

        foreach (var metric in new[] { "firstResponse", "resolution" })
        {
            var section = metric == "firstResponse" ? "first-response" : "resolution";
            foreach (var time in new[] { "calendar", "business" })
            {
                var summary = json[metric]![time]!;
                Assert.Equal(summary["count"]!.ToString(), Cell(rows, section, time, "", "count"));
                Assert.Equal(summary["averageSeconds"]!.ToString(), Cell(rows, section, time, "", "average-seconds"));
                Assert.Equal(summary["medianSeconds"]!.ToString(), Cell(rows, section, time, "", "median-seconds"));
                Assert.Equal(summary["p90Seconds"]!.ToString(), Cell(rows, section, time, "", "p90-seconds"));
            }
        }
        Assert.Equal("2", Cell(rows, "first-response", "calendar", "", "count"));
        Assert.Equal("270", Cell(rows, "first-response", "calendar", "", "average-seconds"));
        Assert.Equal("4.00", Cell(rows, "csat", "all", "", "average-score"));
        Assert.Equal(json["csat"]!["satisfiedPercent"]!.GetValue<double>().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            Cell(rows, "csat", "all", "", "satisfied-percent"));
        foreach (var definition in json["definitions"]!.AsArray())
            Assert.Equal(definition!["text"]!.GetValue<string>(), Cell(rows, "definition", "", definition["id"]!.GetValue<string>(), "text"));
    }

    [Fact]
    public async Task GetReport_AnotherWorkspacesConversationsInTheSameStore_NeverIncluded()
    {
        var day = new DateTimeOffset(2020, 4, 6, 9, 0, 0, TimeSpan.Zero);
        await GivenResolvedConversationAsync(DemoUsers.Workspace, day, "alex", "Alex Agent");
        // "demo-other" and "demox": their stream ids share the demo workspace's first characters, not its "demo/" prefix.
        foreach (var other in new[] { "demo-other", "demox" })
            for (var i = 0; i < 3; i++)
                await GivenResolvedConversationAsync(other, day.AddMinutes(i), "mallory", "Mallory");
        using var supervisor = await node.SignInAsync(DemoUsers.Supervisor);

        var rows = CsvText.Parse(await supervisor.Http.GetStringAsync("api/reports.csv?from=2020-04-06&to=2020-04-06"));
        var json = JsonNode.Parse(await supervisor.Http.GetStringAsync("api/reports?from=2020-04-06&to=2020-04-06"))!;

        Assert.Equal(("1", "1", "1", "1"), (Cell(rows, "volume", "all", "", "opened"), Cell(rows, "volume", "all", "", "resolved"),
            Cell(rows, "first-response", "calendar", "", "count"), Cell(rows, "csat", "all", "", "responses")));
        Assert.DoesNotContain(rows, row => row[2] == "mallory" || row[3] == "Mallory");
        Assert.Equal(1, json["opened"]!.GetValue<int>());
    }

    /// <summary>The one cell matching the first four columns; fails naming them when absent or repeated.</summary>
    private static string Cell(List<string[]> rows, string section, string dimension, string key, string statistic)
    {
        var matches = rows.Where(r => r[0] == section && r[1] == dimension && r[2] == key && r[4] == statistic).ToList();
        Assert.True(matches.Count == 1, $"Expected one row {section},{dimension},{key},…,{statistic}; found {matches.Count}.");
        return matches[0][5];
    }

    /// <summary>
    /// A conversation opened at <paramref name="at"/>, assigned to the agent, answered after <paramref name="replyAfter"/>
    /// (default 3 minutes), resolved 10 minutes after opening and rated <paramref name="score"/>.
    /// </summary>
    private async Task GivenResolvedConversationAsync(
        string workspaceId, DateTimeOffset at, string agentId, string agentName, TimeSpan? replyAfter = null, int score = 5)
    {
        var conversationId = $"given-{Guid.NewGuid():N}";
        var agent = new Author(AuthorKind.Agent, agentId, agentName);
        var events = new DomainEvent[]
        {
            new ConversationOpened(workspaceId, conversationId, Customer.Id, Customer.DisplayName, Channel.Chat, "Help", null) { At = at, By = Customer.Actor },
            new ConversationAssigned(1, agentId, agentName, agent) { At = at, By = agent.Actor },
            new MessagePosted(2, Guid.NewGuid(), Customer, "Hello?") { At = at, By = Customer.Actor },
            new MessagePosted(3, Guid.NewGuid(), agent, "Hi!") { At = at + (replyAfter ?? TimeSpan.FromMinutes(3)), By = agent.Actor },
            new ConversationStatusChanged(4, ConversationStatus.Open, ConversationStatus.Resolved, null, agent) { At = at.AddMinutes(10), By = agent.Actor },
            new ConversationRated(score, null) { At = at.AddMinutes(11), By = Customer.Actor },
        };
        await using var store = new GivenEvents(node.DataPath);
        await store.AppendAsync(StreamIds.For(StreamIds.ConversationCategory, workspaceId, conversationId), events);
    }
}
