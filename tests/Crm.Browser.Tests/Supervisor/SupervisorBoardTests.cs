using Crm.Browser.Tests.Hosting;
using Crm.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Supervisor;

/// <summary>The live board follows the router as work arrives, without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisorBoardTests(BrowserFixture crm)
{
    [Fact]
    public async Task OpenConversationInQueue_BoardOpen_WaitingCountRisesLive()
    {
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Supervisor);
        await page.OpenBoardAsync();
        await page.MarkDocumentAsync();
        var before = await page.WaitingCountAsync();

        var conversationId = await crm.OtherAgentClient.OpenQueuedConversationAsync($"Board arrival {Guid.NewGuid():N}");

        await Expect(page.QueueCard().GetByTestId($"waiting-{conversationId}")).ToBeVisibleAsync();
        // At least one more: the shared queue may also take back an earlier test's chat whose agent went offline.
        await Eventually.ReturnsAsync(() => page.WaitingCountAsync(), n => n >= before + 1, $"the waiting count to rise from {before}");
        Assert.True(await page.IsSameDocumentAsync(), "The board should update in place, not by reloading.");
    }

    [Fact]
    public async Task AssignFromBoard_WaitingConversation_LeavesTheQueueLive()
    {
        var conversationId = await crm.OtherAgentClient.OpenQueuedConversationAsync($"Board reassign {Guid.NewGuid():N}");
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Supervisor);
        await page.OpenBoardAsync();
        var row = page.QueueCard().GetByTestId($"waiting-{conversationId}");
        await Expect(row).ToBeVisibleAsync();

        await row.GetByTestId("assign-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "Jo Agent" }).First.ClickAsync();

        await Expect(row).ToHaveCountAsync(0);
        Assert.Equal("jo", (await crm.OtherAgentClient.GetConversationAsync(conversationId))["assigneeId"]!.GetValue<string>());
    }
}
