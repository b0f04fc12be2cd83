using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing.Hosts;
using Crm.Web.Tests.Support;
using Xunit;

namespace Crm.Web.Tests.Hosting;

/// <summary>
/// The first start with the demo's 30 days of history (the default of `dotnet run`): the app is ready before the history
/// has landed, /health/ready says how far it is, and then every drawn conversation is there, written through the
/// grains at its back-dated instants.
/// </summary>
public sealed class DemoHistoryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task FirstStart_WithHistory_ReadyAtOnce_HistoryLandsAndSaysHowFar()
    {
        using var data = new TempFolder("demo-history");
        await using var crm = await CrmProcess.StartAsync("Crm.Web", new Dictionary<string, string?>
        {
            ["Crm:DataPath"] = data.Path, ["Crm:Demo:History"] = "true",
        });
        using var probe = new HttpClient { BaseAddress = crm.BaseAddress };

        // Ready while the history may still be landing: the check is healthy either way and says which.
        var check = await DemoHistoryCheckAsync(probe);
        Assert.Equal("Healthy", (string?)check["status"]);
        Assert.Matches("^Demo history (landing: \\d+ of \\d+ conversations written|complete: \\d+ conversations)\\.$", (string?)check["description"]);

        var started = DateTime.UtcNow;
        while (check["data"]!["landing"]!.GetValue<bool>())
        {
            Assert.True(DateTime.UtcNow - started < Deadline,
                $"The demo history should land within {Deadline.TotalMinutes} minutes; last: {check.ToJsonString()}\n{crm.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            check = await DemoHistoryCheckAsync(probe);
        }
        Assert.Equal("Healthy", (string?)check["status"]);
        var total = check["data"]!["total"]!.GetValue<int>();
        Assert.InRange(total, 200, 400);
        Assert.Equal(total, check["data"]!["written"]!.GetValue<int>());

        using var supervisor = await ConsoleClient.SignInAsync(crm.BaseAddress, DemoUsers.Supervisor);
        for (var n = 1; n <= total; n++)
        {
            using var response = await supervisor.Http.GetAsync($"api/conversations/demo-{n:D4}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"demo-{n:D4} should exist: {(int)response.StatusCode}");
        }
        // Back-dated: the oldest conversation's messages carry their historical instants, weeks ago.
        var thread = JsonNode.Parse(await supervisor.Http.GetStringAsync("api/conversations/demo-0001/messages"))!.AsArray();
        Assert.NotEmpty(thread);
        Assert.All(thread, m => Assert.True(DateTimeOffset.Parse((string)m!["postedAt"]!) < DateTimeOffset.UtcNow.AddDays(-20), m!.ToJsonString()));
        foreach (var live in new[] { "live-visitor-1", "live-visitor-2" })
        {
            using var response = await supervisor.Http.GetAsync($"api/conversations/{live}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<JsonNode> DemoHistoryCheckAsync(HttpClient probe)
    {
        var body = JsonNode.Parse(await probe.GetStringAsync("health/ready"))!;
        return body["checks"]!["demo-history"] ?? throw new Xunit.Sdk.XunitException($"/health/ready has no demo-history check: {body.ToJsonString()}");
    }
}
