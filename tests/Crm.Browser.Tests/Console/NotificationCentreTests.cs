using Crm.Browser.Tests.Hosting;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Console;

/// <summary>
/// A chat assigned to the signed-in agent shows up live in the notification centre: the unread count in the app bar
/// and in the tab title goes up, the entry leads to the conversation, and reading clears the count.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationCentreTests(BrowserFixture crm)
{
    [Fact]
    public async Task ChatAssignedToMe_ConsoleOpen_NotifiedLiveAndCountClearsWhenRead()
    {
        var subject = $"Notify me {Guid.NewGuid():N}";
        var conversationId = await crm.OtherAgentClient.OpenConversationForAsync("tom", "Tom Becker", subject);

        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);
        await page.MarkDocumentAsync();
        var count = page.GetByTestId("notifications-count");
        // The centre has read its baseline once the bell is on screen with a count (0 or whatever came before).
        await Expect(count).ToHaveAttributeAsync("data-count", new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var before = int.Parse((await count.GetAttributeAsync("data-count"))!);

        await crm.OtherAgentClient.AssignAsync(conversationId, "alex");

        await Expect(count).ToHaveAttributeAsync("data-count", (before + 1).ToString());
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex($@"^\({before + 1}\) "));
        await page.GetByTestId("notifications-button").ClickAsync();
        var item = page.GetByTestId("notification-item").Filter(new() { HasTextString = subject });
        await Expect(item).ToHaveAttributeAsync("data-read", "false");
        await Expect(item).ToContainTextAsync("Assigned to you");

        await page.GetByTestId("notifications-mark-all").ClickAsync();
        await Expect(count).ToHaveAttributeAsync("data-count", "0");
        await Expect(page).Not.ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"^\(\d+\) "));
        await Expect(item).ToHaveAttributeAsync("data-read", "true");
        await item.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/conversations/{conversationId}$"));
        Assert.True(await page.IsSameDocumentAsync(), "The notification should arrive live, not through a reload.");
    }
}
