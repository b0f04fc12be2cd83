using Crm.Browser.Tests.Hosting;
using Crm.Testing.Hosts;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Widget;

/// <summary>
/// Before a chat starts, a visitor typing a question sees the help center's articles that may answer it, as links;
/// if they still start the chat, the question waits in the reply box.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ArticleSuggestionTests(BrowserFixture crm)
{
    [Fact]
    public async Task VisitorTypesAQuestion_SeesTheArticleLink_AndTheQuestionWaitsInTheReplyBox()
    {
        await ArticleCatalog.WaitUntilCompleteAsync(crm.BaseAddress);
        await using var context = await crm.NewContextAsync();
        var visitor = await context.NewPageAsync();
        await visitor.OpenDemoSiteAsync();
        await visitor.GetByTestId("widget-launcher").ClickAsync();

        await visitor.GetByTestId("widget-question").PressSequentiallyAsync("I forgot my login credentials");

        var article = visitor.GetByTestId("widget-article").First;
        await Expect(article).ToBeVisibleAsync();
        await Expect(article).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/help/demo/articles/reset-your-password$"));
        await Expect(article).ToHaveAttributeAsync("target", "_blank");

        await visitor.FillPreChatAndStartAsync(WidgetPages.UniqueVisitorName("Quinn"));
        await Expect(visitor.GetByTestId("widget-input")).ToHaveValueAsync("I forgot my login credentials");
    }
}
