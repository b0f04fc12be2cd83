using System.Net.Http.Json;
using System.Text.Json;
using Crm.Browser.Tests.Hosting;
using Crm.Testing.Hosts;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Sales;

/// <summary>What sales reps see in the console: a dragged deal moves on another rep's board live, a follow-up pops up at its time, the customer page fits a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SalesConsoleTests(BrowserFixture crm)
{
    private const string Sales = "sales@demo.crm";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task DragDeal_ToAnotherStage_MovesOnTheSupervisorsBoardLive()
    {
        using var api = await ConsoleClient.SignInAsync(crm.BaseAddress, Sales);
        var dealId = await CreateAsync(api, "api/deals", new { title = $"Drag {Guid.NewGuid():N}"[..20], stageId = "lead", amount = 500, currency = "EUR" }, "dealId");
        await using var context = await crm.NewContextAsync();
        var rep = await OpenBoardAsync(context, Sales);
        // Disposed at the end like every console a test opens: a supervisor left signed in keeps the demo workspace
        // "online" for the widget, and the offline-state tests that run later wait in vain.
        await using var supervisorContext = await crm.NewContextAsync();
        var supervisor = await OpenBoardAsync(supervisorContext, BrowserFixture.Supervisor);
        await Expect(supervisor.GetByTestId("stage-lead").GetByTestId($"deal-{dealId}")).ToBeVisibleAsync();

        await rep.GetByTestId($"deal-{dealId}").DragToAsync(rep.GetByTestId("stage-proposal"));

        await Expect(supervisor.GetByTestId("stage-proposal").GetByTestId($"deal-{dealId}")).ToBeVisibleAsync();
        var stored = await api.Http.GetFromJsonAsync<JsonElement>($"api/deals/{dealId}", Json);
        Assert.Equal("proposal", stored.GetProperty("stageId").GetString());
    }

    [Fact]
    public async Task FollowUpReminder_AtItsTime_PopsUpInTheOwnersConsole()
    {
        using var api = await ConsoleClient.SignInAsync(crm.BaseAddress, Sales);
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(Sales);
        var title = $"Call back {Guid.NewGuid():N}"[..24];

        await CreateAsync(api, "api/follow-ups", new { title, dueAt = DateTimeOffset.UtcNow.AddSeconds(3) }, "followUpId");

        await Expect(page.GetByTestId("follow-up-reminder").Filter(new() { HasText = title })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task CustomerPage_AtPhoneWidth_ShowsTheProfileAndTimelineWithoutSidewaysScrolling()
    {
        using var api = await ConsoleClient.SignInAsync(crm.BaseAddress, Sales);
        var id = await CreateAsync(api, "api/customers", new { name = "Ada Phone", email = $"ada-{Guid.NewGuid():N}@engines.example", phone = "+44 20 7946 0000" }, "customerId");
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(Sales);

        await page.GotoAsync($"customers/{id}");

        await Expect(page.GetByTestId("customer-ready")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync("Ada Phone");
        await Expect(page.GetByTestId("timeline-entry").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
    }

    private static async Task<IPage> OpenBoardAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.SignInAsync(email);
        await page.GotoAsync("deals");
        await Expect(page.GetByTestId("deal-board")).ToBeVisibleAsync();
        return page;
    }

    private static async Task<string> CreateAsync(ConsoleClient api, string path, object body, string idProperty)
    {
        using var response = await api.Http.PostAsJsonAsync(path, body, Json);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(response.IsSuccessStatusCode, created.ToString());
        return (created.TryGetProperty("customer", out var c) ? c : created).GetProperty(idProperty).GetString()!;
    }
}
