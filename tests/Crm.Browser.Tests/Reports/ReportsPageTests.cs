using System.Text.Json.Nodes;
using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Reports;

/// <summary>
/// The /reports page shows the numbers and words the API gives for the same query (read through the page's own CSV
/// link, with the page's cookies), and is offered to supervisors and admins only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsPageTests(BrowserFixture crm)
{
    [Fact]
    public async Task OpenReports_AsSupervisor_ShowsTheApisNumbersAndDefinitionsWithACsvLinkForTheSameQuery()
    {
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("supervisor@demo.crm");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await Expect(page.GetByTestId("report-ready")).ToBeVisibleAsync();
        var csvLink = await page.GetByTestId("report-csv").GetAttributeAsync("href") ?? "";
        var json = await context.APIRequest.GetAsync(csvLink.Replace("api/reports.csv", "api/reports", StringComparison.Ordinal));
        var csv = await context.APIRequest.GetAsync(csvLink);
        var report = JsonNode.Parse(await json.TextAsync())!;

        Assert.Equal((200, 200), (json.Status, csv.Status));
        Assert.StartsWith("api/reports.csv?from=", csvLink);
        // The page read the report first, and any event since (a presence change anywhere) moves the position on.
        var shownAsOf = System.Text.RegularExpressions.Regex.Match(await page.GetByTestId("report-ready").InnerTextAsync(), @"as of event (\d+)");
        Assert.True(shownAsOf.Success, "The page says which event its report is as of.");
        Assert.InRange(long.Parse(shownAsOf.Groups[1].Value), 1, report["asOfPosition"]!.GetValue<long>());
        var firstResponse = report["firstResponse"]!["calendar"]!;
        var cells = page.GetByTestId("report-first-response-calendar").Locator("td");
        await Expect(cells.Nth(2)).ToHaveTextAsync(firstResponse["count"]!.ToString());
        await Expect(cells.Nth(3)).ToHaveTextAsync(Duration(firstResponse["averageSeconds"]));
        Assert.Contains($"first-response,calendar,,,count,{firstResponse["count"]}\r\n", await csv.TextAsync());
        var definition = report["definitions"]!.AsArray().First(d => d!["id"]!.GetValue<string>() == "first-response")!;
        await Expect(page.GetByTestId("report-definitions")).ToContainTextAsync(definition["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenReports_AsAgent_NoMenuEntryAndARefusalInsteadOfNumbers()
    {
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);

        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).CountAsync());
        await page.GotoAsync("reports");

        await Expect(page.GetByTestId("not-allowed")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("report-ready").CountAsync());
    }

    /// <summary>The console's h:mm:ss for whole seconds (a dash for none), days in front past 24 hours.</summary>
    private static string Duration(JsonNode? seconds)
    {
        if (seconds is null) return "–";
        var span = TimeSpan.FromSeconds(seconds.GetValue<long>());
        var clock = $"{span.Hours}:{span.Minutes:00}:{span.Seconds:00}";
        return span.Days > 0 ? $"{span.Days}d {clock}" : clock;
    }
}
