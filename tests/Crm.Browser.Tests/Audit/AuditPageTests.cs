using System.Net.Http.Json;
using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Audit;

/// <summary>The admin audit page in the console: reached from the menu, shows changes with before and after, checks the chain.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditPageTests(BrowserFixture crm)
{
    private const string Admin = "admin@demo.crm";

    [Fact]
    public async Task AuditPage_AsAdmin_ShowsAnAgentsChangeAndVerifiesTheChain()
    {
        var conversationId = await crm.OpenConversationAsync("Audit page probe");
        using (var response = await crm.OtherAgentClient.Http.PutAsJsonAsync($"api/conversations/{conversationId}/priority", new { priority = "urgent" }))
            Assert.True(response.IsSuccessStatusCode, $"setting the priority: {(int)response.StatusCode}");
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(Admin);

        // The menu offers it (in its Admin group, closed until opened); the page is opened by its address.
        await Expect(page.GetByTestId("nav-audit")).ToHaveCountAsync(1);
        await page.GotoAsync("admin/audit");
        var row = page.GetByTestId("audit-table").Locator("tr")
            .Filter(new LocatorFilterOptions { HasTextString = conversationId })
            .Filter(new LocatorFilterOptions { HasTextString = "changed priority" });
        await Expect(row).ToContainTextAsync("Jo Agent");
        await Expect(row).ToContainTextAsync("priority: normal → urgent");

        await page.GetByTestId("audit-verify").ClickAsync();
        await Expect(page.GetByTestId("audit-chain-status")).ToContainTextAsync("Chain holds");
        await Expect(page.GetByTestId("audit-chain-status")).ToContainTextAsync("events checked");
    }

    [Fact]
    public async Task Menu_ForAnAgent_HasNoAuditEntry()
    {
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync(BrowserFixture.Agent);

        // The menu has rendered (its first entry is there) before the absence of the audit entry means anything.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Inbox" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("nav-audit").CountAsync());
    }
}
