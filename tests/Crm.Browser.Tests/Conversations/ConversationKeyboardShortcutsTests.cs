using Crm.Browser.Tests.Hosting;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Conversations;

/// <summary>
/// An open conversation's documented keys: r puts the cursor in the reply box, n in it as an internal note, Esc
/// leaves it, e resolves, u goes back to the inbox; none of them types its letter anywhere.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConversationKeyboardShortcutsTests(BrowserFixture crm)
{
    [Fact]
    public async Task PressKeys_ConversationOpen_EachKeyDoesWhatTheCaptionSays()
    {
        var conversationId = await crm.OpenConversationAsync("Keys on a thread");
        await crm.PostAsOtherAgentAsync(conversationId, "Please close this one when done.");
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);
        await page.OpenThreadAsync(conversationId);
        await Expect(page.GetByTestId("conversation-keys")).ToHaveTextAsync("Keys: r reply · n internal note · e resolve · u back to inbox · Esc leaves the box.");
        var box = page.ReplyBox();
        var send = page.GetByTestId("reply-send");

        await page.PressShortcutUntilAsync("r", timeout => Expect(box).ToBeFocusedAsync(new() { Timeout = timeout }));
        await Expect(box).ToHaveValueAsync("");
        await Expect(send).ToHaveTextAsync("Send");
        // Typing in the box is typing, not shortcuts: "e" and "u" land in the draft and resolve nothing.
        await page.Keyboard.TypeAsync("use");
        await Expect(box).ToHaveValueAsync("use");
        await Expect(page.GetByTestId("conversation-status")).ToHaveTextAsync("open");

        await page.Keyboard.PressAsync("Escape");
        await Expect(box).Not.ToBeFocusedAsync();
        await page.Keyboard.PressAsync("n");
        await Expect(box).ToBeFocusedAsync();
        await Expect(send).ToHaveTextAsync("Add note");
        await Expect(box).ToHaveValueAsync("use");

        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("e");
        await Expect(page.GetByTestId("conversation-status")).ToHaveTextAsync("resolved");
        Assert.Equal("resolved", (await crm.OtherAgentClient.GetConversationAsync(conversationId))["status"]!.GetValue<string>());

        await page.Keyboard.PressAsync("u");
        // The list pane beside the thread is ready already: wait for the address, then for the inbox page itself.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inbox$"));
        await Expect(page.GetByTestId("thread-ready")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("inbox-ready")).ToBeVisibleAsync();
    }
}
