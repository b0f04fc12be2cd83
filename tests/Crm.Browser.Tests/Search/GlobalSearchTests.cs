using System.Text.RegularExpressions;
using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Search;

/// <summary>The app bar's search as an agent uses it: Ctrl+K, a misspelt name, the match marked, Enter opens it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GlobalSearchTests(BrowserFixture crm)
{
    [Fact]
    public async Task CtrlK_MisspeltCustomerName_ShowsThemMarkedAndEnterOpensThem()
    {
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);
        var box = page.Locator("[data-testid=search-box] input, input[data-testid=search-box]").First;

        await page.PressShortcutUntilAsync("Control+k", timeout => Expect(box).ToBeFocusedAsync(new() { Timeout = timeout }));
        // The seeded customer "Omar Haddad", typed with a letter missing, as a person types it.
        await box.PressSequentiallyAsync("omar hadad");

        var customer = page.GetByTestId("search-hit").And(page.Locator("[data-kind=customer]")).Filter(new() { HasTextString = "Omar Haddad" });
        await Expect(customer).ToHaveCountAsync(1);
        // Every shown field carries its marks (the title, and the email snippet "omar@…" that also matched), as in
        // Zendesk/Chatwoot: the user sees why the hit came back. The name's marks come first.
        await Expect(customer.GetByTestId("search-mark")).ToHaveTextAsync(["Omar", "Haddad", "omar"]);
        await Expect(page.GetByTestId("search-hit").First).ToHaveClassAsync(new Regex("crm-search-hit-active"));

        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/customers/omar$"));
        await Expect(page.GetByTestId("customer-ready").GetByTestId("customer-name")).ToHaveTextAsync("Omar Haddad");
    }

    [Fact]
    public async Task ArrowDown_ThenEnter_OpensTheSecondResult()
    {
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);
        var box = page.Locator("[data-testid=search-box] input, input[data-testid=search-box]").First;
        await page.PressShortcutUntilAsync("Control+k", timeout => Expect(box).ToBeFocusedAsync(new() { Timeout = timeout }));

        // Yuki Tanaka is a customer and the customer of the "Cannot reset my password" conversation.
        await box.PressSequentiallyAsync("yuki tanaka");
        var hits = page.GetByTestId("search-hit");
        await Expect(hits.And(page.Locator("[data-kind=conversation]")).Filter(new() { HasTextString = "Cannot reset my password" })).ToHaveCountAsync(1);
        await box.PressAsync("ArrowDown");
        await Expect(hits.Nth(1)).ToHaveClassAsync(new Regex("crm-search-hit-active"));
        var second = await hits.Nth(1).GetAttributeAsync("data-kind");

        await box.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex(second == "customer" ? "/customers/" : "/conversations/"));
    }
}
