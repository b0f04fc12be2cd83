using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.Browser.Tests.Console;

/// <summary>
/// Every console page, by the role that uses it and the marker that says it is live, and what each tour checks on
/// each page. The tours share one set of data they make themselves: a conversation whose customer name, subject and
/// message are single words thousands of characters long, so every layout meets the worst text there is.
/// </summary>
public static class ConsoleTour
{
    public const string Admin = "admin@demo.crm";
    public const string Sales = "sales@demo.crm";

    public sealed record TourPage(string Name, string Email, string Path, string Ready);

    /// <summary>The pages; {conversation} is the long-text conversation's id.</summary>
    public static readonly TourPage[] Pages =
    [
        new("inbox", BrowserFixture.Agent, "inbox", "[data-testid=inbox-ready]"),
        new("conversation", BrowserFixture.Agent, "conversations/{conversation}", "[data-testid=thread-ready]"),
        new("preferences", BrowserFixture.Agent, "account/preferences", "[data-testid=preferences-ready]"),
        new("sessions", BrowserFixture.Agent, "account/sessions", "[data-testid=session-list]"),
        new("two-factor", BrowserFixture.Agent, "account/two-factor", "[data-testid=two-factor-begin], [data-testid=two-factor-on]"),
        new("board", BrowserFixture.Supervisor, "supervisor", "[data-testid=board-ready]"),
        new("reports", BrowserFixture.Supervisor, "reports", "[data-testid=report-ready]"),
        new("canned-responses", BrowserFixture.Supervisor, "settings/canned-responses", "[data-testid=canned-list]"),
        new("setup", Admin, "setup", "[data-testid=start-ready]"),
        new("users", Admin, "admin/users", "[data-testid=user-list]"),
        new("routing", Admin, "admin/routing", "[data-testid=routing-ready]"),
        new("sign-in-rules", Admin, "admin/security", "[data-testid=require-two-factor]"),
        new("audit", Admin, "admin/audit", "[data-testid=audit-table]"),
        new("sales", Sales, "sales", "[data-testid=start-ready]"),
        new("companies", Sales, "companies", "[data-testid=company-list] tbody"),
        new("customers", Sales, "customers", "[data-testid=customer-list] tbody"),
        new("deal-list", Sales, "deals/list", "[data-testid=deal-list] tbody"),
    ];

    public static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A word with no break opportunity, <paramref name="length"/> characters long.</summary>
    public static string LongWord(char letter, int length) => new(letter, length);

    /// <summary>Opens the long-text conversation (as agent2, assigned to alex so the agent's views show it) and returns its id.</summary>
    public static async Task<string> OpenLongTextConversationAsync(BrowserFixture crm)
    {
        var id = await crm.OtherAgentClient.OpenConversationForAsync($"long-{Guid.NewGuid():N}", LongWord('N', 10_000), LongWord('S', 200));
        await crm.PostAsOtherAgentAsync(id, LongWord('M', 10_000));
        await crm.OtherAgentClient.AssignAsync(id, "alex");
        return id;
    }

    /// <summary>Visits each page of <paramref name="email"/>'s role in one signed-in context and runs <paramref name="check"/> on it.</summary>
    public static async Task VisitAsync(BrowserFixture crm, string conversationId, ViewportSize size, Func<IPage, TourPage, Task> check,
        ColorScheme scheme = ColorScheme.Light)
    {
        foreach (var role in Pages.GroupBy(p => p.Email))
        {
            await using var context = await crm.NewContextAsync(size, scheme);
            var page = await context.NewPageAsync();
            await page.SignInAsync(role.Key);
            foreach (var tourPage in role)
            {
                await page.GotoAsync(tourPage.Path.Replace("{conversation}", conversationId));
                await Expect(page.Locator(tourPage.Ready).First).ToBeVisibleAsync();
                await check(page, tourPage);
            }
        }
    }

    /// <summary>A screenshot under TestResults/screenshots (a CI artifact, never committed).</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = false });

    private static string ScreenshotFolder { get; } = FindScreenshotFolder();

    /// <summary>The repository's TestResults folder (gitignored), found from the test binaries upwards.</summary>
    private static string FindScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crm.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
