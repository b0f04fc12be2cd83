using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Widget;

/// <summary>In the widget, on a customer's own site, a message body is text: markup an agent posts is shown, never run.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetMessageRenderingTests(BrowserFixture crm)
{
    private const string Payload = "<img src=x onerror=window.__xss=1>";

    [Fact]
    public async Task AgentPostsImgMarkup_VisitorSeesItAsTextLiveAndAfterReload()
    {
        await using var context = await crm.NewContextAsync();
        var visitor = await context.NewPageAsync();
        await visitor.OpenDemoSiteAsync();
        await visitor.StartChatAsync(WidgetPages.UniqueVisitorName());
        var conversationId = await visitor.WidgetConversationIdAsync();

        // Pushed live into the open widget...
        var posted = await crm.PostAsOtherAgentAsync(conversationId, Payload);
        Assert.Equal(Payload, posted.Body);
        await AssertLiteralAsync(visitor);

        // ...and rendered from the gap-fill of a returning visitor.
        await visitor.ReloadAsync();
        await visitor.GetByTestId("widget-launcher").ClickAsync();
        await visitor.WaitUntilOnlineAsync();
        await AssertLiteralAsync(visitor);
    }

    private static async Task AssertLiteralAsync(IPage page)
    {
        var bubble = page.CommittedWidgetMessages(Payload);
        await Expect(bubble).ToHaveCountAsync(1);
        Assert.Equal(Payload, await bubble.Locator(".crm-body").TextContentAsync());
        // The markup never became an element, so there is no onerror handler to run.
        Assert.Equal(0, await page.GetByTestId("widget-thread").Locator("img, script").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
    }
}
