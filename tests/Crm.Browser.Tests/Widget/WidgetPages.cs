using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Widget;

/// <summary>
/// What a visitor does on the demo customer site, through the widget's data-testid attributes. The widget lives in an
/// open shadow root, which Playwright's test-id and CSS locators pierce.
/// </summary>
public static class WidgetPages
{
    public const string DemoPath = "demo/index.html";

    /// <summary>The demo agents' display names (Crm.Web's DemoData), as visitors and teammates see them.</summary>
    public const string AgentName = "Alex Agent";
    public const string OtherAgentName = "Jo Agent";

    /// <summary>A visitor name no other test uses, so rows and presence chips can be found by it.</summary>
    public static string UniqueVisitorName(string first = "Maria") => $"{first} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Opens the demo site and waits until the widget's launcher is there.</summary>
    public static async Task OpenDemoSiteAsync(this IPage page)
    {
        await page.GotoAsync(DemoPath);
        await Expect(page.GetByTestId("widget-launcher")).ToBeVisibleAsync();
    }

    /// <summary>Opens the panel, fills the pre-chat form, starts the chat and waits until the widget is online.</summary>
    public static async Task StartChatAsync(this IPage page, string name)
    {
        await page.GetByTestId("widget-launcher").ClickAsync();
        await page.FillPreChatAndStartAsync(name);
    }

    /// <summary>With the panel open on the pre-chat form: fills it, starts the chat and waits until the widget is online.</summary>
    public static async Task FillPreChatAndStartAsync(this IPage page, string name)
    {
        await page.GetByTestId("widget-name").FillAsync(name);
        // Required while no agent is online (the reply then comes by email).
        await page.GetByTestId("widget-email").FillAsync($"{Guid.NewGuid():n}@example.com");
        await page.GetByTestId("widget-start").ClickAsync();
        await Expect(page.GetByTestId("widget-input")).ToBeVisibleAsync();
        await page.WaitUntilOnlineAsync();
    }

    /// <summary>Closes the panel with its × button and waits until it is gone.</summary>
    public static async Task CloseWidgetAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Close chat", Exact = true }).ClickAsync();
        await Expect(page.Locator(".crm-panel")).ToBeHiddenAsync();
    }

    /// <summary>The launcher's unread badge (hidden while there is nothing unread or the panel is open).</summary>
    public static ILocator UnreadBadge(this IPage page) => page.GetByTestId("widget-unread");

    public static Task WaitUntilOnlineAsync(this IPage page) =>
        Expect(page.GetByTestId("widget-status")).ToHaveAttributeAsync("data-state", "online");

    /// <summary>Types and sends a message, then waits until the server committed it (it has a sequence number).</summary>
    public static async Task SendFromWidgetAsync(this IPage page, string body)
    {
        await page.GetByTestId("widget-input").FillAsync(body);
        await page.GetByTestId("widget-send").ClickAsync();
        await Expect(page.CommittedWidgetMessages(body)).ToHaveCountAsync(1);
    }

    /// <summary>Every widget bubble (committed or pending) whose text contains <paramref name="body"/>.</summary>
    public static ILocator WidgetMessages(this IPage page, string body) =>
        page.GetByTestId("widget-message").Filter(new LocatorFilterOptions { HasTextString = body });

    /// <summary>The committed bubbles (with data-seq) whose text contains <paramref name="body"/>.</summary>
    public static ILocator CommittedWidgetMessages(this IPage page, string body) =>
        page.Locator("[data-testid=widget-message][data-seq]").Filter(new LocatorFilterOptions { HasTextString = body });

    /// <summary>The conversation id the widget saved for this site (localStorage, per workspace).</summary>
    public static Task<string> WidgetConversationIdAsync(this IPage page) =>
        page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('crm-widget:demo') || '{}').conversationId || ''");

    /// <summary>The presence chips on an open conversation whose text contains <paramref name="text"/>.</summary>
    public static ILocator PresenceChips(this IPage page, string text) =>
        page.GetByTestId("presence-bar").GetByTestId("presence-person").Filter(new LocatorFilterOptions { HasTextString = text });
}
