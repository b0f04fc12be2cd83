using Microsoft.Playwright;

namespace Crm.Browser.Tests.Console;

/// <summary>What a person would call a broken layout, measured in the page: a sideways scroll, or text squeezed into a
/// column so narrow that it stands one word per line.</summary>
public static class LayoutProbe
{
    private const string Script = """
        () => {
          const vw = document.documentElement.clientWidth;
          const problems = [];
          const name = el => el.tagName.toLowerCase() + (el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : "")
            + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).slice(0, 3).join(".") : "");
          if (document.documentElement.scrollWidth > vw + 1) {
            const wide = [...document.querySelectorAll("body *")].filter(el => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && r.right > vw + 1 && getComputedStyle(el).position !== "fixed";
            });
            const deepest = wide.filter(el => !wide.some(other => other !== el && el.contains(other)));
            problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${vw}px viewport: ` + deepest.slice(0, 5).map(name).join(", "));
          }
          for (const el of document.querySelectorAll("body *")) {
            const own = [...el.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim());
            if (own.length === 0) continue;
            const words = own.map(n => n.textContent.trim()).join(" ").split(/\s+/).filter(Boolean);
            // Visually hidden text (1 px boxes) and single long words (the overflow check's business) are not squeezed prose.
            if (words.length < 3 || el.getBoundingClientRect().width < 20 || words.some(w => w.length > 30)) continue;
            const tops = new Set();
            for (const node of own) {
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
            }
            if (tops.size >= words.length) problems.push(`"${words.slice(0, 4).join(" ").slice(0, 60)}…" stands one word per line in ${name(el)}`);
          }
          return problems.slice(0, 10);
        }
        """;

    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page) => await page.EvaluateAsync<string[]>(Script);
}
