using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Conversations;

/// <summary>A message body is text: markup in it is shown, never parsed or run.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MessageRenderingTests(BrowserFixture crm)
{
    private const string Payload = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

    [Fact]
    public async Task Body_WithScriptAndImgMarkup_RendersAsLiteralTextLiveAndOnLoad()
    {
        var conversationId = await crm.OpenConversationAsync("Markup in a message");
        await using var context = await crm.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(BrowserFixture.Agent);
        await page.OpenThreadAsync(conversationId);

        // Pushed live into the open thread...
        await crm.PostAsOtherAgentAsync(conversationId, Payload);
        await AssertLiteralAsync(page);

        // ...and rendered from the first read after a fresh load.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("thread-ready")).ToBeVisibleAsync();
        await AssertLiteralAsync(page);
    }

    private static async Task AssertLiteralAsync(IPage page)
    {
        var bodies = page.GetByTestId("thread-ready").GetByTestId("message-body");
        await Expect(bodies).ToHaveCountAsync(1);
        Assert.Equal(Payload, await bodies.TextContentAsync());
        // The markup never became elements, so neither the script nor the onerror handler exists to run.
        Assert.Equal(0, await page.GetByTestId("thread-ready").Locator("script, img").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
    }
}
