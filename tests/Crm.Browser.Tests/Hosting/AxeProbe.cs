using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Crm.Browser.Tests.Hosting;

/// <summary>axe-core's serious and critical violations on a page as it is now (open shadow roots included), one line each.</summary>
public static class AxeProbe
{
    /// <summary>
    /// The violations, each naming <paramref name="where"/>, the rule and up to three offending elements;
    /// <paramref name="ignore"/> (html, target) leaves out nodes of a known library defect, so every other node still counts.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, string where, Func<string, string, bool>? ignore = null)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => (v, Nodes: v.Nodes.Where(n => ignore?.Invoke(n.Html ?? "", n.Target?.ToString() ?? "") != true).ToList()))
            .Where(x => x.Nodes.Count > 0)
            .Select(x => $"{where}: axe {x.v.Impact} {x.v.Id} ({x.v.Help}) at {string.Join(" | ", x.Nodes.Take(3).Select(n => Short(n.Html ?? "")))}")
            .ToList();
    }

    private static string Short(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
