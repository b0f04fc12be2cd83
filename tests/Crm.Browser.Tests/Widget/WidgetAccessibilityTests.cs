using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Widget;

/// <summary>
/// The widget on the demo customer site, as a visitor with a screen reader or a small phone meets it: axe-core finds no
/// serious or critical violation closed, on the pre-chat form, in a live chat and on the rating; at 320×640 nothing
/// scrolls sideways or sticks out of the screen, and the fields take text and send it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetAccessibilityTests(BrowserFixture crm)
{
    [Fact]
    public async Task Widget_ClosedOpenChattingAndRating_PassesAxe()
    {
        await using var context = await crm.NewContextAsync();
        var visitor = await context.NewPageAsync();
        var problems = new List<string>();

        await visitor.OpenDemoSiteAsync();
        problems.AddRange(await AxeProbe.ProblemsAsync(visitor, "closed"));

        await visitor.GetByTestId("widget-launcher").ClickAsync();
        await Expect(visitor.GetByTestId("widget-name")).ToBeFocusedAsync();
        problems.AddRange(await AxeProbe.ProblemsAsync(visitor, "pre-chat form"));

        await visitor.FillPreChatAndStartAsync(WidgetPages.UniqueVisitorName("Ada"));
        var question = $"Is the rye bread vegan? {Guid.NewGuid():N}";
        await visitor.SendFromWidgetAsync(question);
        var conversationId = await visitor.WidgetConversationIdAsync();
        var answer = $"Yes, it is. {Guid.NewGuid():N}";
        await crm.PostAsOtherAgentAsync(conversationId, answer);
        await Expect(visitor.CommittedWidgetMessages(answer)).ToHaveCountAsync(1);
        problems.AddRange(await AxeProbe.ProblemsAsync(visitor, "chat"));

        await crm.OtherAgentClient.SetStatusAsync(conversationId, "resolved");
        await Expect(visitor.GetByTestId("widget-rating")).ToBeVisibleAsync();
        problems.AddRange(await AxeProbe.ProblemsAsync(visitor, "rating"));

        // Escape closes the panel and gives focus back to the launcher, which says the panel is closed.
        await visitor.GetByTestId("widget-input").FocusAsync();
        await visitor.Keyboard.PressAsync("Escape");
        await Expect(visitor.Locator(".crm-panel")).ToBeHiddenAsync();
        await Expect(visitor.GetByTestId("widget-launcher")).ToBeFocusedAsync();
        await Expect(visitor.GetByTestId("widget-launcher")).ToHaveAttributeAsync("aria-expanded", "false");

        Assert.True(problems.Count == 0, "The widget on the demo site:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task Widget_At320Pixels_NoSidewaysScrollAndTheFieldsWork()
    {
        const int width = 320, height = 640;
        await using var context = await crm.NewContextAsync(new ViewportSize { Width = width, Height = height });
        var visitor = await context.NewPageAsync();
        var problems = new List<string>();

        await visitor.OpenDemoSiteAsync();
        problems.AddRange((await OverflowAsync(visitor)).Select(p => $"closed: {p}"));

        await visitor.GetByTestId("widget-launcher").ClickAsync();
        foreach (var field in new[] { "widget-name", "widget-email", "widget-start" })
            await Expect(visitor.GetByTestId(field)).ToBeInViewportAsync(new() { Ratio = 1 });
        problems.AddRange((await OverflowAsync(visitor)).Select(p => $"pre-chat form: {p}"));

        await visitor.FillPreChatAndStartAsync(WidgetPages.UniqueVisitorName("Ola"));
        var input = visitor.GetByTestId("widget-input");
        await Expect(input).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(visitor.GetByTestId("widget-send")).ToBeInViewportAsync(new() { Ratio = 1 });
        // A word longer than the screen is wide: it wraps inside its bubble instead of widening the thread.
        var body = $"Order {new string('9', 60)} {Guid.NewGuid():N}";
        await input.ClickAsync();
        await input.PressSequentiallyAsync(body);
        await input.PressAsync("Enter");
        await Expect(visitor.CommittedWidgetMessages(body)).ToHaveCountAsync(1);
        await Expect(input).ToHaveValueAsync("");
        var answer = $"Thanks, checking that order now. {Guid.NewGuid():N}";
        await crm.PostAsOtherAgentAsync(await visitor.WidgetConversationIdAsync(), answer);
        await Expect(visitor.CommittedWidgetMessages(answer)).ToBeInViewportAsync();
        problems.AddRange((await OverflowAsync(visitor)).Select(p => $"chat: {p}"));

        Assert.True(problems.Count == 0, $"At {width}×{height}:\n" + string.Join('\n', problems));
    }

    /// <summary>
    /// The page scrolling sideways, any visible part of the widget (it lives in a shadow root, which the console's layout
    /// probe does not enter) reaching past the screen's edges, and any box of it whose content is cut off at the side.
    /// </summary>
    private static async Task<IReadOnlyList<string>> OverflowAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => {
          const vw = document.documentElement.clientWidth;
          const problems = [];
          if (document.documentElement.scrollWidth > vw + 1) problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${vw}px viewport`);
          const name = el => el.tagName.toLowerCase() + (el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : "") + (el.className ? "." + String(el.className).trim().split(/\s+/).join(".") : "");
          for (const el of document.getElementById("crm-widget").shadowRoot.querySelectorAll("*")) {
            if (el.closest(".crm-sr") || el.tagName === "STYLE") continue;
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.left < -1 || r.right > vw + 1) problems.push(`${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)}px`);
            const clips = !["INPUT", "TEXTAREA"].includes(el.tagName) && getComputedStyle(el).overflowX !== "visible";
            if (clips && el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} cuts off ${el.scrollWidth - el.clientWidth}px at the side`);
          }
          return problems.slice(0, 10);
        }
        """);
}
