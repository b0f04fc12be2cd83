using System.Text.RegularExpressions;
using Crm.Testing.Hosts;
using Xunit;

namespace Crm.Web.Tests.Pages;

/// <summary>
/// Two pages claiming one route make the router throw on every navigation, so the whole console goes blank (two
/// branches each added a customer page once). Checked on the pages' sources, without a browser.
/// </summary>
public sealed partial class PageRoutesTests
{
    [Fact]
    public void Pages_EveryRouteTemplate_ClaimedByOnePageOnly()
    {
        var web = Path.Combine(RepoPaths.Root, "src", "Crm.Web");
        var routes = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => PageDirective().Matches(File.ReadAllText(f)).Select(m => (Template: Normalize(m.Groups[1].Value), Page: Path.GetRelativePath(web, f))))
            .ToList();

        var claimedTwice = routes.GroupBy(r => r.Template)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => r.Page))}")
            .ToList();

        Assert.True(routes.Count > 10, $"only {routes.Count} @page directives found under {web}");
        Assert.Empty(claimedTwice);
    }

    /// <summary>Parameter names and case do not tell routes apart: "/a/{x}" and "/A/{y}" are one route.</summary>
    private static string Normalize(string template) =>
        RouteParameter().Replace(template.Trim('/').ToLowerInvariant(), m => "{" + m.Groups[1].Value + "}");

    [GeneratedRegex("""^@page\s+"([^"]*)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex PageDirective();

    [GeneratedRegex(@"\{[^}:]+(:[^}]+)?\}")]
    private static partial Regex RouteParameter();
}
