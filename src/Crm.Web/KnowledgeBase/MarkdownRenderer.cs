using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Crm.Web.KnowledgeBase;

/// <summary>
/// Article Markdown to HTML that is safe to put on a public page: raw HTML in the Markdown is escaped, never passed
/// through (no script, no iframe, no event handler), and a link or image whose address is not http(s), mailto or
/// relative loses it ("javascript:" and "data:" URLs among them).
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
        }
        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
        }
        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') || trimmed.StartsWith('#')) return !trimmed.StartsWith("//", StringComparison.Ordinal);
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            ? uri.Scheme is "http" or "https" or "mailto"
            // Relative ("images/a.png"): no scheme to abuse.
            : !trimmed.Contains(':', StringComparison.Ordinal);
    }
}
