using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Sales;

/// <summary>A rep saves the companies list's filter as a view on a phone, comes back, picks it, and gets the same list.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SavedViewsBrowserTests(BrowserFixture crm)
{
    private const string Sales = "sales@demo.crm";

    [Fact]
    public async Task SaveAndPickAView_OnThePhoneWidthCompaniesPage_RestoresTheFilterAndPassesAxe()
    {
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(Sales);
        await page.GotoAsync("companies");
        await Expect(page.Locator("[data-testid=company-list] tbody")).ToBeVisibleAsync();
        var name = $"Mine {Guid.NewGuid():N}"[..13];

        await page.GetByTestId("company-search").FillAsync("zz-no-such-company");
        await Expect(page.GetByText("No companies match.")).ToBeVisibleAsync();
        await page.GetByTestId("views-name").FillAsync(name);
        await page.GetByTestId("views-save").ClickAsync();
        await Expect(page.GetByText($"View '{name}' saved.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByTestId("company-search")).ToHaveValueAsync("");
        await page.Locator("[data-testid=views-pick] button, button[data-testid=views-pick]").First.ClickAsync();
        await page.GetByTestId("views-item").Filter(new() { HasText = name }).ClickAsync();

        await Expect(page.GetByTestId("company-search")).ToHaveValueAsync("zz-no-such-company");
        await Expect(page.GetByText("No companies match.")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        var problems = await AxeProbe.ProblemsAsync(page, "companies with a view");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
