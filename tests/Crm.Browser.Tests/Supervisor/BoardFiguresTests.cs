using System.Collections.Concurrent;
using System.Text.Json;
using Crm.Browser.Tests.Hosting;
using Crm.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Supervisor;

/// <summary>
/// The board shows what the router reports: its queue figures are compared with the router's own QueueDetails, as
/// the console hub pushes them to a subscriber of the queue (the one outside view of the router without /api/board).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardFiguresTests(BrowserFixture crm)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task QueueChanges_BoardOpen_WaitingFiguresEqualTheRoutersReport()
    {
        var reports = new ConcurrentQueue<JsonElement>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(crm.BaseAddress, "hubs/conversations"), o => o.Headers["Cookie"] = crm.SupervisorClient.CookieHeader)
            .Build();
        hub.On<JsonElement>("QueueChanged", queue => reports.Enqueue(queue));
        using (var starting = new CancellationTokenSource(Deadline)) await hub.StartAsync(starting.Token);
        await hub.InvokeAsync("SubscribeQueue", SupervisorPages.Queue);

        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Supervisor);
        await page.OpenBoardAsync();

        var first = await crm.OtherAgentClient.OpenQueuedConversationAsync($"Figures one {Guid.NewGuid():N}");
        var second = await crm.OtherAgentClient.OpenQueuedConversationAsync($"Figures two {Guid.NewGuid():N}");
        await LatestReportWithAsync(reports, second);

        // Compared with the newest report, read again on each try: the shared "support" queue may still move (an
        // earlier test's chat coming back when its agent went offline), and the board follows every report.
        var seen = await Eventually.ReturnsAsync(async () =>
            {
                var router = reports.Last().GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("conversationId").GetString()!).Order().ToList();
                var count = await page.WaitingCountAsync();
                var shown = await page.QueueCard().Locator("[data-testid^=waiting-]").EvaluateAllAsync<string[]>(
                    "rows => rows.map(r => r.getAttribute('data-testid').substring('waiting-'.length))");
                return (Router: router, Count: count, Shown: shown.Order().ToList());
            },
            x => x.Count == x.Router.Count && x.Shown.SequenceEqual(x.Router),
            "the board's waiting count and rows to equal the router's newest report", Deadline);
        Assert.Contains(first, seen.Router);
        Assert.Contains(second, seen.Router);
    }

    /// <summary>The newest report that lists <paramref name="conversationId"/> as waiting, within the deadline.</summary>
    private static Task<JsonElement> LatestReportWithAsync(ConcurrentQueue<JsonElement> reports, string conversationId) =>
        Eventually.ReturnsAsync(
            () => Task.FromResult(reports.LastOrDefault(r => r.GetProperty("waiting").EnumerateArray()
                .Any(w => w.GetProperty("conversationId").GetString() == conversationId))),
            report => report.ValueKind == JsonValueKind.Object,
            $"a router report with {conversationId} waiting in {SupervisorPages.Queue}",
            Deadline);
}
