using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Hosting;

/// <summary>What an agent does in the console, by the pages' stable selectors (ids and data-testid).</summary>
public static class ConsolePages
{
    /// <summary>Fills and submits the login form; does not wait for where it lands.</summary>
    public static async Task SubmitLoginAsync(this IPage page, string email, string password)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
    }

    /// <summary>
    /// Signs in through the real login form and waits until the role's start page is live (its circuit is connected):
    /// the inbox for agents, the board for supervisors, the setup checklist for admins, the sales page for sales reps.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.GotoAsync("account/login");
        await page.SubmitLoginAsync(email, Crm.Testing.Hosts.CrmProcess.DemoPassword);
        await Expect(page.Locator("[data-testid=inbox-ready], [data-testid=board-ready], [data-testid=start-ready]").First).ToBeVisibleAsync();
    }

    /// <summary>Opens a thread by address and waits until it is live.</summary>
    public static async Task OpenThreadAsync(this IPage page, string conversationId)
    {
        await page.GotoAsync($"conversations/{conversationId}");
        await Expect(page.GetByTestId("thread-ready")).ToBeVisibleAsync();
    }

    /// <summary>The bodies in the thread whose text is exactly <paramref name="body"/>.</summary>
    public static ILocator MessageBodies(this IPage page, string body) =>
        page.GetByTestId("thread-ready").GetByTestId("message-body").Filter(new LocatorFilterOptions { HasTextString = body });

    /// <summary>Marks the current document, so a test can prove later that the page was never reloaded.</summary>
    public static Task MarkDocumentAsync(this IPage page) => page.EvaluateAsync("() => { window.__crmTestDocument = 1; }");

    public static Task<bool> IsSameDocumentAsync(this IPage page) => page.EvaluateAsync<bool>("() => window.__crmTestDocument === 1");

    /// <summary>The agent console's reply box (MudTextField puts the test id on the textarea; a wrapper would work too).</summary>
    public static ILocator ReplyBox(this IPage page) => page.Locator(
        "textarea[data-testid=reply-box], input[data-testid=reply-box], [data-testid=reply-box] textarea, [data-testid=reply-box] input").First;

    /// <summary>The inbox rows whose text contains <paramref name="text"/> (a visitor's name or a preview).</summary>
    public static ILocator InboxRows(this IPage page, string text) =>
        page.Locator("[data-testid^=inbox-row-]").Filter(new LocatorFilterOptions { HasTextString = text });

    /// <summary>
    /// From an open conversation back to the inbox alone, as a desktop user does: the menu's Inbox link (the thread's
    /// back arrow is for phones and tablets, where the list is not beside the thread).
    /// </summary>
    public static async Task BackToInboxAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("conversation-title")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("inbox-ready")).ToBeVisibleAsync();
    }

    /// <summary>The inbox row of one conversation.</summary>
    public static ILocator InboxRow(this IPage page, string conversationId) => page.GetByTestId($"inbox-row-{conversationId}");

    /// <summary>Types into the reply box key by key, as a person does: the box reacts to every keystroke.</summary>
    public static Task TypeReplyAsync(this IPage page, string text) => page.ReplyBox().PressSequentiallyAsync(text);

    /// <summary>Switches the composer to internal notes, types <paramref name="body"/> and adds the note.</summary>
    public static async Task AddNoteAsync(this IPage page, string body)
    {
        await page.GetByTestId("reply-mode").GetByRole(AriaRole.Checkbox, new() { Name = "Internal note" }).ClickAsync();
        await Expect(page.GetByTestId("reply-send")).ToHaveTextAsync("Add note");
        await page.ReplyBox().FillAsync(body);
        await page.GetByTestId("reply-send").ClickAsync();
        await Expect(page.ReplyBox()).ToHaveValueAsync("");
    }

    /// <summary>Switches the composer back to public replies, types <paramref name="body"/> and sends it.</summary>
    public static async Task SendReplyAsync(this IPage page, string body)
    {
        await page.GetByTestId("reply-mode").GetByRole(AriaRole.Checkbox, new() { Name = "Reply" }).ClickAsync();
        await Expect(page.GetByTestId("reply-send")).ToHaveTextAsync("Send");
        await page.ReplyBox().FillAsync(body);
        await page.GetByTestId("reply-send").ClickAsync();
        await Expect(page.ReplyBox()).ToHaveValueAsync("");
    }

    /// <summary>The snackbars (toasts) on the page whose text contains <paramref name="text"/>.</summary>
    public static ILocator Snackbars(this IPage page, string text) =>
        page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasTextString = text });

    /// <summary>
    /// Presses a shortcut until the expectation <paramref name="took"/> holds within the timeout (ms) it is given. A page
    /// registers its keys once its circuit rendered, a moment after it shows, so the first press can come too early.
    /// Only for keys that are safe to repeat (switch to a view, focus a box), as the first key a test presses on a page.
    /// </summary>
    public static async Task PressShortcutUntilAsync(this IPage page, string key, Func<float, Task> took)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            await page.Keyboard.PressAsync(key);
            try
            {
                await took(1_000);
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // Not registered yet: press again.
            }
        }
    }
}
