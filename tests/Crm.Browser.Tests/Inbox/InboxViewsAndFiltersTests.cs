using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Inbox;

/// <summary>
/// Mine, Unassigned and All show the conversations their names say, the status filter narrows any of them, and a
/// conversation assigned to the agent while they look at Mine appears there live.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxViewsAndFiltersTests(BrowserFixture crm)
{
    [Fact]
    public async Task SwitchViewsAndStatus_ConversationsOfEveryKind_EachShowsExactlyItsRowsAndFollowsAnAssignmentLive()
    {
        var team = crm.OtherAgentClient;
        var mine = await team.OpenConversationForAsync("tom", "Tom Becker", "Mine, open");
        await team.AssignAsync(mine, "alex");
        var mineResolved = await team.OpenConversationForAsync("tom", "Tom Becker", "Mine, resolved");
        await team.AssignAsync(mineResolved, "alex");
        await team.SetStatusAsync(mineResolved, "resolved");
        var jos = await team.OpenConversationForAsync("tom", "Tom Becker", "Jo's");
        await team.AssignAsync(jos, "jo");
        var unassigned = await team.OpenConversationForAsync("tom", "Tom Becker", "Nobody's yet");

        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);
        await page.MarkDocumentAsync();

        // All is the default: every one of them.
        await ExpectRowsAsync(page, shown: [mine, mineResolved, jos, unassigned], hidden: []);

        await View(page, "Unassigned").ClickAsync();
        await ExpectRowsAsync(page, shown: [unassigned], hidden: [mine, mineResolved, jos]);

        await View(page, "Mine").ClickAsync();
        await ExpectRowsAsync(page, shown: [mine, mineResolved], hidden: [jos, unassigned]);

        // Assigned to the agent by a teammate while Mine is on screen: it joins the view without a reload.
        await team.AssignAsync(unassigned, "alex");
        await ExpectRowsAsync(page, shown: [mine, mineResolved, unassigned], hidden: [jos]);

        await ChooseStatusAsync(page, "Resolved");
        await ExpectRowsAsync(page, shown: [mineResolved], hidden: [mine, unassigned, jos]);

        await ChooseStatusAsync(page, "Open");
        await ExpectRowsAsync(page, shown: [mine, unassigned], hidden: [mineResolved, jos]);

        await View(page, "All").ClickAsync();
        await ExpectRowsAsync(page, shown: [mine, unassigned, jos], hidden: [mineResolved]);
        Assert.True(await page.IsSameDocumentAsync(), "Views and filters should switch in place, not through a reload.");
    }

    private static ILocator View(IPage page, string name) =>
        page.GetByTestId("inbox-views").GetByRole(AriaRole.Checkbox, new() { Name = name });

    private static async Task ChooseStatusAsync(IPage page, string status)
    {
        await page.GetByTestId("inbox-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = status, Exact = true }).ClickAsync();
    }

    /// <summary>Hidden rows are waited out, not checked once: the list re-renders after the click returns.</summary>
    private static async Task ExpectRowsAsync(IPage page, string[] shown, string[] hidden)
    {
        foreach (var id in hidden) await Expect(page.InboxRow(id)).ToHaveCountAsync(0);
        foreach (var id in shown) await Expect(page.InboxRow(id)).ToHaveCountAsync(1);
    }
}
