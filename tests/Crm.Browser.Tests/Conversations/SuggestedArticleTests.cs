using Crm.Browser.Tests.Hosting;
using Crm.Browser.Tests.Widget;
using Crm.Testing;
using Crm.Testing.Hosts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Conversations;

/// <summary>
/// The assistant in a conversation, as an agent uses it: a customer asks in the widget, the agent sees the article
/// that answers it with its reason, inserts the drafted reply, edits and sends it; the insert counts as an accepted
/// suggestion on the admins' page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SuggestedArticleTests(BrowserFixture crm)
{
    [Fact]
    public async Task CustomerAsks_AgentSeesArticleWithReason_InsertsEditsAndSendsTheDraft()
    {
        await ArticleCatalog.WaitUntilCompleteAsync(crm.BaseAddress);
        await using var context = await crm.NewContextAsync();
        var visitor = await context.NewPageAsync();
        await visitor.OpenDemoSiteAsync();
        await visitor.StartChatAsync(WidgetPages.UniqueVisitorName("Rita"));
        await visitor.SendFromWidgetAsync("How do I reset my password? The login page rejects it.");
        var conversationId = await visitor.WidgetConversationIdAsync();

        var agent = await context.NewPageAsync();
        await agent.SignInAsync(BrowserFixture.Agent);
        await agent.OpenThreadAsync(conversationId);
        var suggestion = agent.GetByTestId("suggestion").Filter(new() { HasTextString = "Reset" }).First;
        await Expect(suggestion).ToHaveAttributeAsync("data-kind", "SuggestArticle");
        await Expect(suggestion.GetByTestId("suggestion-reason")).ToContainTextAsync("answers the customer's question");

        await suggestion.GetByTestId("suggestion-insert").ClickAsync();
        var box = agent.Locator("textarea[data-testid=reply-box], [data-testid=reply-box] textarea").First;
        await Expect(box).Not.ToHaveValueAsync("");
        var edited = $"{await box.InputValueAsync()} Tell me if it works ({Guid.NewGuid():N}).";
        await box.FillAsync(edited);
        await agent.GetByTestId("reply-send").ClickAsync();

        await Eventually.ReturnsAsync(() => crm.GetMessagesAsync(conversationId), messages => messages.Any(m => m.Body == edited),
            "the edited draft to be committed");
        await Expect(visitor.CommittedWidgetMessages(edited[^40..])).ToHaveCountAsync(1);

        var admin = await context.NewPageAsync();
        await admin.SignInAsync("admin@demo.crm");
        await admin.GotoAsync("admin/assistant");
        await Expect(admin.GetByTestId("suggestion-acceptance")).ToContainTextAsync("agent.suggest-article");
    }
}
