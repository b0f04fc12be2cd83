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

    /// <summary>Signs in through the real login form and waits until the inbox is live (its circuit is connected).</summary>
    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.GotoAsync("account/login");
        await page.SubmitLoginAsync(email, Crm.Testing.Hosts.CrmProcess.DemoPassword);
        await Expect(page.GetByTestId("inbox-ready")).ToBeVisibleAsync();
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
}
