using Crm.Browser.Tests.Hosting;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Console;

/// <summary>
/// On a desktop the list | thread and thread | context boundaries move by pointer drag and by keys (a focusable
/// separator that axe accepts), fold with Enter and Home, and the user's widths and folds come back after a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PaneSplitterTests(BrowserFixture crm)
{
    [Fact]
    public async Task Splitters_DragAndKeys_WidthsAndFoldKeptAcrossAReloadAndAxeClean()
    {
        var id = await crm.OtherAgentClient.OpenConversationForAsync("tom", "Tom Becker", $"Splitters {Guid.NewGuid():N}");
        await using var context = await crm.NewContextAsync(ConsoleTour.Desktop);
        var page = await context.NewPageAsync();
        await page.SignInAsync(ConsoleTour.Admin);
        await page.GotoAsync($"conversations/{id}");
        await Expect(page.GetByTestId("thread-ready")).ToBeVisibleAsync();
        var list = page.GetByTestId("splitter-list");
        var side = page.GetByTestId("splitter-context");
        await Expect(list).ToHaveAttributeAsync("role", "separator");
        await AssertAxeCleanAsync(page, "conversation with splitters");

        // Drag the list boundary to 400 px from the grid's left edge.
        var grid = (await page.GetByTestId("panes").BoundingBoxAsync())!;
        var handle = (await list.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(handle.X + handle.Width / 2, handle.Y + 40);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(grid.X + 300, handle.Y + 40, new() { Steps = 5 });
        await page.Mouse.MoveAsync(grid.X + 400, handle.Y + 40, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await Expect(list).ToHaveAttributeAsync("aria-valuenow", "400");

        // Keys on the context boundary: ArrowLeft widens the right pane by 16 px; Home folds it.
        var before = int.Parse((await side.GetAttributeAsync("aria-valuenow"))!);
        await side.FocusAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(side).ToHaveAttributeAsync("aria-valuenow", (before + 16).ToString());
        await page.Keyboard.PressAsync("Home");
        await Expect(page.GetByTestId("customer-panel")).ToBeHiddenAsync();

        await page.ReloadAsync();
        await Expect(page.GetByTestId("thread-ready")).ToBeVisibleAsync();
        await Expect(list).ToHaveAttributeAsync("aria-valuenow", "400");
        await Expect(page.GetByTestId("customer-panel")).ToBeHiddenAsync();
        await AssertAxeCleanAsync(page, "conversation with a folded pane");

        // Enter unfolds it again at the width it had, and leaves the shared demo user as others expect it.
        await side.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("customer-panel")).ToBeVisibleAsync();
        await Expect(side).ToHaveAttributeAsync("aria-valuenow", (before + 16).ToString());
    }

    private static async Task AssertAxeCleanAsync(Microsoft.Playwright.IPage page, string where)
    {
        var problems = await AxeProbe.ProblemsAsync(page, where);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
