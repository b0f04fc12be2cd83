using System.Text.RegularExpressions;
using Crm.Browser.Tests.Hosting;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Console;

/// <summary>
/// On a desktop the list, the thread and the customer sit side by side: the address names the open conversation, j and
/// k open the next and previous conversation without leaving the thread view, and the list stays and updates live.
/// On a phone the open thread is alone, with a way back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ThreePaneTests(BrowserFixture crm)
{
    [Fact]
    public async Task OpenConversation_Desktop_ListThreadAndCustomerSideBySide_JkMoveAndListUpdatesLive()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var first = await crm.OtherAgentClient.OpenConversationForAsync("tom", "Tom Becker", $"Panes one {tag}");
        await crm.PostAsOtherAgentAsync(first, $"first {tag}");
        var second = await crm.OtherAgentClient.OpenConversationForAsync("tom", "Tom Becker", $"Panes two {tag}");
        await crm.PostAsOtherAgentAsync(second, $"second {tag}");

        await using var context = await crm.NewContextAsync(ConsoleTour.Desktop);
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);
        await page.InboxRow(second).ClickAsync();
        await Expect(page.GetByTestId("thread-ready")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/conversations/{second}$"));
        await page.MarkDocumentAsync();

        // Three panes at once, the open row marked in the list.
        await Expect(page.InboxRow(first)).ToBeVisibleAsync();
        await Expect(page.InboxRow(second)).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByTestId("customer-panel")).ToBeVisibleAsync();

        // The list is sorted by latest activity, so "first" sits right below "second": j opens it, k goes back.
        await page.PressShortcutUntilAsync("j", t => Expect(page).ToHaveURLAsync(new Regex($"/conversations/{first}$"), new() { Timeout = t }));
        await Expect(page.MessageBodies($"first {tag}")).ToHaveCountAsync(1);
        await Expect(page.InboxRow(first)).ToHaveAttributeAsync("aria-current", "page");
        await page.Keyboard.PressAsync("k");
        await Expect(page).ToHaveURLAsync(new Regex($"/conversations/{second}$"));
        await Expect(page.MessageBodies($"second {tag}")).ToHaveCountAsync(1);

        // The list beside the thread is live: a teammate's new conversation shows up without a reload.
        var third = await crm.OtherAgentClient.OpenConversationForAsync("tom", "Tom Becker", $"Panes three {tag}");
        await Expect(page.InboxRow(third)).ToBeVisibleAsync();
        Assert.True(await page.IsSameDocumentAsync(), "Moving between conversations must not reload the page.");

        // Folding the side panes leaves the thread.
        await page.GetByTestId("toggle-list").ClickAsync();
        await Expect(page.InboxRow(third)).ToBeHiddenAsync();
        await page.GetByTestId("toggle-list").ClickAsync();
        await Expect(page.InboxRow(third)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OpenConversation_Phone_ThreadAloneWithABackButton()
    {
        var conversationId = await crm.OtherAgentClient.OpenConversationForAsync("tom", "Tom Becker", $"Phone pane {Guid.NewGuid():N}");

        await using var context = await crm.NewContextAsync(ConsoleTour.Phone);
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);
        await page.OpenThreadAsync(conversationId);

        await Expect(page.InboxRow(conversationId)).ToBeHiddenAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Back to inbox" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        await Expect(page.InboxRow(conversationId)).ToBeVisibleAsync();
    }
}
