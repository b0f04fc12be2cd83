using Crm.Browser.Tests.Hosting;
using Crm.Browser.Tests.Widget;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Conversations;

/// <summary>
/// "/shortcut" in the reply box offers the workspace's canned responses; a space after the whole shortcut (or a click
/// on the offer) puts the response in the box with the customer's and the agent's names filled in, and that text is
/// what gets sent.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CannedResponseExpansionTests(BrowserFixture crm)
{
    [Fact]
    public async Task TypeShortcutThenSpace_SavedResponse_BoxHoldsTheFilledTextAndSendingPostsIt()
    {
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        var (conversationId, shortcut, expanded) = await GivenAResponseAndAnOpenThreadAsync(page);

        await page.TypeReplyAsync($"/{shortcut[..5]}");
        await Expect(Suggestion(page, shortcut)).ToHaveCountAsync(1);
        await page.TypeReplyAsync($"{shortcut[5..]} ");

        await Expect(page.ReplyBox()).ToHaveValueAsync(expanded);
        await Expect(page.GetByTestId("canned-suggestion")).ToHaveCountAsync(0);
        await page.ReplyBox().PressAsync("Enter");

        await Expect(page.MessageBodies(expanded)).ToHaveCountAsync(1);
        await Expect(page.ReplyBox()).ToHaveValueAsync("");
        var thread = await crm.GetMessagesAsync(conversationId);
        Assert.Equal(expanded, thread[^1].Body);
        Assert.DoesNotContain(thread, m => m.Body.Contains('/' + shortcut, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClickSuggestion_PartOfTheShortcutTyped_BoxHoldsTheFilledText()
    {
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        var (_, shortcut, expanded) = await GivenAResponseAndAnOpenThreadAsync(page);

        await page.TypeReplyAsync($"/{shortcut[..3]}");
        await Suggestion(page, shortcut).ClickAsync();

        await Expect(page.ReplyBox()).ToHaveValueAsync(expanded);
        await Expect(page.GetByTestId("reply-send")).ToBeEnabledAsync();
    }

    /// <summary>
    /// A response with both placeholders under a shortcut no other test uses, and an agent on a fresh thread of Tom
    /// Becker's. The page reads the responses when it opens, so the response is saved first.
    /// </summary>
    private async Task<(string ConversationId, string Shortcut, string Expanded)> GivenAResponseAndAnOpenThreadAsync(IPage page)
    {
        var shortcut = $"r{Guid.NewGuid().ToString("N")[..10]}";
        var marker = Guid.NewGuid().ToString("N");
        await crm.SupervisorClient.SaveCannedResponseAsync(shortcut, "Refund on its way",
            $"Hi {{{{customer.name}}}}, refund {marker} is on its way. Best, {{{{agent.name}}}}");
        var conversationId = await crm.OpenConversationAsync("Where is my refund?");

        await page.SignInAsync(BrowserFixture.Agent);
        await page.OpenThreadAsync(conversationId);
        return (conversationId, shortcut, $"Hi Tom Becker, refund {marker} is on its way. Best, {WidgetPages.AgentName}");
    }

    private static ILocator Suggestion(IPage page, string shortcut) =>
        page.GetByTestId("canned-suggestion").Filter(new LocatorFilterOptions { HasTextString = $"/{shortcut} ·" });
}
