using Crm.Browser.Tests.Hosting;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Widget;

/// <summary>
/// A visitor who closed the widget learns that the team answered: the launcher counts the replies that arrived since,
/// says so in its accessible name, keeps the count over a reload, and clears it when the visitor opens the chat.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UnreadBadgeTests(BrowserFixture crm)
{
    [Fact]
    public async Task AgentRepliesWhileWidgetClosed_LauncherCountsThem_KeptOverReload_ClearedOnOpen()
    {
        await using var context = await crm.NewContextAsync();
        var visitor = await context.NewPageAsync();
        await visitor.OpenDemoSiteAsync();
        await visitor.StartChatAsync(WidgetPages.UniqueVisitorName("Uma"));
        await visitor.SendFromWidgetAsync($"Do you have gluten-free rolls? {Guid.NewGuid():N}");
        var conversationId = await visitor.WidgetConversationIdAsync();
        var launcher = visitor.GetByTestId("widget-launcher");
        var badge = visitor.UnreadBadge();

        // A reply seen with the panel open is read: nothing to count.
        var seen = $"Let me check. {Guid.NewGuid():N}";
        await crm.PostAsOtherAgentAsync(conversationId, seen);
        await Expect(visitor.CommittedWidgetMessages(seen)).ToHaveCountAsync(1);
        await visitor.CloseWidgetAsync();
        await Expect(badge).ToBeHiddenAsync();
        await Expect(launcher).ToHaveAttributeAsync("aria-label", "Open chat");

        await crm.PostAsOtherAgentAsync(conversationId, $"Yes, every morning. {Guid.NewGuid():N}");
        await Expect(badge).ToHaveTextAsync("1");
        await Expect(badge).ToBeVisibleAsync();
        await Expect(launcher).ToHaveAttributeAsync("aria-label", "Open chat, 1 unread message");

        var last = $"Shall I keep two for you? {Guid.NewGuid():N}";
        await crm.PostAsOtherAgentAsync(conversationId, last);
        await Expect(badge).ToHaveTextAsync("2");
        await Expect(launcher).ToHaveAttributeAsync("aria-label", "Open chat, 2 unread messages");

        // Kept over a reload until the visitor opens the chat.
        await visitor.ReloadAsync();
        await Expect(badge).ToHaveTextAsync("2");
        await Expect(badge).ToBeVisibleAsync();
        await visitor.WaitUntilOnlineAsync();
        await Expect(badge).ToHaveTextAsync("2");

        await launcher.ClickAsync();
        await Expect(visitor.CommittedWidgetMessages(last)).ToHaveCountAsync(1);
        await Expect(badge).ToBeHiddenAsync();
        await visitor.CloseWidgetAsync();
        await Expect(badge).ToBeHiddenAsync();
        await Expect(launcher).ToHaveAttributeAsync("aria-label", "Open chat");

        await visitor.ReloadAsync();
        await visitor.WaitUntilOnlineAsync();
        await Expect(launcher).ToHaveAttributeAsync("aria-label", "Open chat");
        await Expect(badge).ToBeHiddenAsync();
    }
}
