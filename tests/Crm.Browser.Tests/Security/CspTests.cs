using System.Collections.Concurrent;
using Crm.Browser.Tests.Hosting;
using Crm.Browser.Tests.Widget;
using Microsoft.Playwright;
using Xunit;

namespace Crm.Browser.Tests.Security;

/// <summary>
/// The Content-Security-Policy is only right if the app still works under it: Chromium reports every blocked script,
/// style or connection as a console error and a securitypolicyviolation event. Both are collected for the whole visit.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CspTests(BrowserFixture crm)
{
    /// <summary>Records violations in the page (shadow roots included: the event is composed and reaches the document).</summary>
    private const string ViolationRecorder = """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", e => {
          window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
        }, true);
        """;

    [Fact]
    public async Task Console_LoginInboxAndConversation_RunWithoutViolations()
    {
        var conversationId = await crm.OpenConversationAsync("CSP check");
        await using var context = await crm.NewContextAsync();
        var problems = await WatchAsync(context);
        var page = await context.NewPageAsync();

        await page.SignInAsync(BrowserFixture.Agent);
        await AssertNoViolationsAsync(page, problems, "inbox");
        await page.OpenThreadAsync(conversationId);
        await AssertNoViolationsAsync(page, problems, "conversation");
        var response = await page.ReloadAsync();
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy"));
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("thread-ready")).ToBeVisibleAsync();

        await AssertNoViolationsAsync(page, problems, "conversation after reload");
    }

    [Fact]
    public async Task DemoSite_WithTheWidgetOpenAndChatting_RunsWithoutViolations()
    {
        await using var context = await crm.NewContextAsync();
        var problems = await WatchAsync(context);
        var page = await context.NewPageAsync();

        await page.OpenDemoSiteAsync();
        await page.StartChatAsync(WidgetPages.UniqueVisitorName());
        await page.SendFromWidgetAsync($"csp {Guid.NewGuid():N}");

        await AssertNoViolationsAsync(page, problems, "demo site with the widget");
    }

    private static async Task<ConcurrentQueue<string>> WatchAsync(IBrowserContext context)
    {
        var problems = new ConcurrentQueue<string>();
        await context.AddInitScriptAsync(ViolationRecorder);
        context.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" && (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Permissions-Policy", StringComparison.OrdinalIgnoreCase)))
                problems.Enqueue($"console {message.Type}: {message.Text}");
        };
        return problems;
    }

    private static async Task AssertNoViolationsAsync(IPage page, ConcurrentQueue<string> problems, string where)
    {
        var events = await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        var all = problems.Concat(events.Select(e => $"securitypolicyviolation: {e}")).ToList();
        Assert.True(all.Count == 0, $"On the {where}:\n{string.Join('\n', all)}");
    }
}
