using Crm.Browser.Tests.Hosting;
using Microsoft.Playwright;
using Xunit;

namespace Crm.Browser.Tests.Console;

/// <summary>
/// Every console page, as the role that uses it: on a phone (390×844, light) and a desktop (1440×900, dark) nothing
/// scrolls sideways and no text stands one word per line; axe-core finds no serious or critical accessibility violation
/// in either colour scheme; in the dark scheme every painted background comes from the dark palette. Each visit leaves
/// a screenshot under TestResults/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageTests(BrowserFixture crm)
{
    [Fact]
    public async Task EveryPage_OnAPhoneInLightColours_FitsAndPassesAxe()
    {
        var conversationId = await ConsoleTour.OpenLongTextConversationAsync(crm);
        var problems = new List<string>();

        await ConsoleTour.VisitAsync(crm, conversationId, ConsoleTour.Phone, async (page, tourPage) =>
        {
            await ConsoleTour.ScreenshotAsync(page, $"{tourPage.Name}-phone");
            problems.AddRange((await LayoutProbe.ProblemsAsync(page)).Select(p => $"{tourPage.Name}: {p}"));
            problems.AddRange(await AxeProblemsAsync(page, tourPage));
        });

        Assert.True(problems.Count == 0, "At 390 px, light:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task EveryPage_OnADesktopInDarkColours_PaintsOnlyThePaletteAndPassesAxe()
    {
        var conversationId = await ConsoleTour.OpenLongTextConversationAsync(crm);
        var problems = new List<string>();

        await ConsoleTour.VisitAsync(crm, conversationId, ConsoleTour.Desktop, async (page, tourPage) =>
        {
            // The OS says dark and nobody chose otherwise: the console follows it.
            await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("theme")).ToHaveAttributeAsync("data-theme", "dark");
            await ConsoleTour.ScreenshotAsync(page, $"{tourPage.Name}-desktop-dark");
            problems.AddRange((await LayoutProbe.ProblemsAsync(page)).Select(p => $"{tourPage.Name}: {p}"));
            problems.AddRange((await page.EvaluateAsync<string[]>(LightBackgrounds)).Select(p => $"{tourPage.Name}: {p}"));
            problems.AddRange(await AxeProblemsAsync(page, tourPage));
        }, ColorScheme.Dark);

        Assert.True(problems.Count == 0, "At 1440 px, dark:\n" + string.Join('\n', problems));
    }

    /// <summary>axe-core's serious and critical violations on the page as it is now.</summary>
    private static Task<IReadOnlyList<string>> AxeProblemsAsync(IPage page, ConsoleTour.TourPage tourPage) =>
        AxeProbe.ProblemsAsync(page, tourPage.Name, InsideMudSelect);

    /// <summary>
    /// MudBlazor 9's MudSelect puts ARIA attributes on its inner read-only input that axe flags (prohibited attribute,
    /// unnamed field) whatever label it is given: a library defect, left out here until the selects are replaced
    /// (follow-up), so that every other violation still fails the test.
    /// </summary>
    private static bool InsideMudSelect(string html, string target) =>
        html.Contains("mud-select", StringComparison.Ordinal) || target.Contains("#mudinput", StringComparison.Ordinal);

    /// <summary>
    /// The body's background must be dark, and every visible element's opaque background one of the theme's palette
    /// variables (--mud-palette-*): a colour written anywhere else is a hard-coded one.
    /// </summary>
    private const string LightBackgrounds = """
        () => {
          const problems = [];
          const probe = document.createElement("div");
          document.body.appendChild(probe);
          const resolve = value => { probe.style.backgroundColor = ""; probe.style.backgroundColor = value; return getComputedStyle(probe).backgroundColor; };
          const root = getComputedStyle(document.documentElement);
          const palette = new Set();
          for (const sheet of document.styleSheets) {
            let rules; try { rules = sheet.cssRules; } catch { continue; }
            for (const rule of rules) if (rule.style) for (const prop of rule.style) if (prop.startsWith("--mud-palette-")) {
              const v = root.getPropertyValue(prop).trim();
              if (v) palette.add(resolve(v));
            }
          }
          probe.remove();
          const parse = color => color.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
          const opaque = color => { const m = parse(color); return m && (m[4] === undefined || parseFloat(m[4]) >= 0.5); };
          const luminance = color => { const m = parse(color); return 0.2126 * m[1] + 0.7152 * m[2] + 0.0722 * m[3]; };
          const body = getComputedStyle(document.body).backgroundColor;
          if (!opaque(body) || luminance(body) > 80) problems.push(`body background ${body} is not dark`);
          for (const el of document.querySelectorAll("body *")) {
            const r = el.getBoundingClientRect();
            // MudBlazor's switch thumb is white in both of its own themes by design: not a colour of ours.
            if (r.width < 8 || r.height < 8 || String(el.className).includes("mud-switch-thumb")) continue;
            const bg = getComputedStyle(el).backgroundColor;
            if (opaque(bg) && !palette.has(bg))
              problems.push(`${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).slice(0, 3).join(".")} paints ${bg}, not a palette colour`);
          }
          return problems.slice(0, 10);
        }
        """;
}
