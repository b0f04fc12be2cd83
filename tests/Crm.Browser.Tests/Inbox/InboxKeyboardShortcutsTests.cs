using System.Text.RegularExpressions;
using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Inbox;

/// <summary>The inbox's documented keys: 1 2 3 switch views, j and k move the selection, Enter opens the selected row.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxKeyboardShortcutsTests(BrowserFixture crm)
{
    private static readonly Regex Selected = new(@"\bmud-selected-item\b");

    [Fact]
    public async Task PressKeys_InboxOpen_EachKeyDoesWhatTheCaptionSays()
    {
        var mine = await crm.OtherAgentClient.OpenConversationForAsync("tom", "Tom Becker", "Keys: mine");
        await crm.OtherAgentClient.AssignAsync(mine, "alex");
        var unassigned = await crm.OtherAgentClient.OpenConversationForAsync("tom", "Tom Becker", "Keys: nobody's");

        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);
        await Expect(page.GetByText("Keys: 1 2 3 switch views · j k move · Enter opens.")).ToBeVisibleAsync();

        await page.PressShortcutUntilAsync("2", timeout => Expect(View(page, "Unassigned")).ToHaveAttributeAsync("aria-checked", "true", new() { Timeout = timeout }));
        await Expect(page.InboxRow(mine)).ToHaveCountAsync(0);
        await Expect(page.InboxRow(unassigned)).ToHaveCountAsync(1);

        await page.Keyboard.PressAsync("1");
        await Expect(View(page, "Mine")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(page.InboxRow(unassigned)).ToHaveCountAsync(0);
        await Expect(page.InboxRow(mine)).ToHaveCountAsync(1);

        await page.Keyboard.PressAsync("3");
        await Expect(View(page, "All")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(page.InboxRow(mine)).ToHaveCountAsync(1);
        await Expect(page.InboxRow(unassigned)).ToHaveCountAsync(1);

        // Nothing is selected until j; j moves down, k up, and Enter opens the selected row.
        var rows = page.Locator("[data-testid^=inbox-row-]");
        await Expect(page.Locator(".mud-selected-item[data-testid^=inbox-row-]")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("j");
        await Expect(rows.Nth(0)).ToHaveClassAsync(Selected);
        await page.Keyboard.PressAsync("j");
        await Expect(rows.Nth(1)).ToHaveClassAsync(Selected);
        await Expect(rows.Nth(0)).Not.ToHaveClassAsync(Selected);
        await page.Keyboard.PressAsync("k");
        await Expect(rows.Nth(0)).ToHaveClassAsync(Selected);
        await Expect(rows.Nth(1)).Not.ToHaveClassAsync(Selected);
        var first = (await rows.Nth(0).GetAttributeAsync("data-testid"))!["inbox-row-".Length..];

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("thread-ready")).ToBeVisibleAsync();
        Assert.EndsWith($"/conversations/{first}", page.Url);
    }

    private static ILocator View(IPage page, string name) =>
        page.GetByTestId("inbox-views").GetByRole(AriaRole.Checkbox, new() { Name = name });
}
