using System.Net;
using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Web.KnowledgeBase;

namespace Crm.Web.HelpCenter;

/// <summary>
/// The help center's HTML. Every value is HTML-encoded here, and article bodies go through <see cref="MarkdownRenderer"/>,
/// which passes no raw HTML: nothing an editor types can run in a visitor's browser. Colours are the browser's system
/// colours (light or dark as the visitor's setting), so the page needs no palette of its own.
/// </summary>
public static class HelpCenterPages
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem 1.25rem;line-height:1.55;color-scheme:light dark}" +
        "header a{text-decoration:none;color:inherit}form{display:flex;gap:.5rem;margin:1rem 0}input[type=search]{flex:1;padding:.5rem;font:inherit}" +
        "button{padding:.5rem 1rem;font:inherit}li{margin:.3rem 0}.passage{margin:.2rem 0 .8rem;opacity:.8}.muted{opacity:.7;font-size:.9rem}";

    public static string Index(string workspaceName, string workspaceId, IReadOnlyList<ArticleSummary> articles)
    {
        var sections = articles.GroupBy(a => a.PublishedCategory ?? a.Category).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => $"<section><h2>{E(g.Key)}</h2><ul>{string.Concat(g.OrderBy(a => a.PublishedTitle ?? a.Title, StringComparer.OrdinalIgnoreCase).Select(a => $"<li><a href=\"{ArticleUrl(workspaceId, a.PublishedSlug ?? a.Slug)}\">{E(a.PublishedTitle ?? a.Title)}</a></li>"))}</ul></section>");
        var body = articles.Count == 0 ? "<p>No articles yet.</p>" : string.Concat(sections);
        return Page(workspaceName, workspaceId, "Help center", SearchForm(workspaceId, "") + body);
    }

    public static string Search(string workspaceName, string workspaceId, string query, IReadOnlyList<ArticleMatch> matches)
    {
        var results = matches.Count == 0
            ? "<p>No article matches your question. Try other words, or contact us.</p>"
            : "<ol>" + string.Concat(matches.Select(m => $"<li><a href=\"{ArticleUrl(workspaceId, m.Slug)}\">{E(m.Title)}</a><p class=\"passage\">{E(m.Passage)}</p></li>")) + "</ol>";
        return Page(workspaceName, workspaceId, $"Search: {query}", SearchForm(workspaceId, query) + $"<h1>Results for “{E(query)}”</h1>" + results);
    }

    public static string Article(string workspaceName, string workspaceId, PublishedArticle article) =>
        Page(workspaceName, workspaceId, article.Title,
            $"<p class=\"muted\"><a href=\"/help/{workspaceId}\">Help center</a> › {E(article.Category)}</p><article><h1>{E(article.Title)}</h1>" +
            MarkdownRenderer.ToHtml(article.Body) +
            $"</article><p class=\"muted\">Updated {article.PublishedAt:yyyy-MM-dd}</p>");

    public static string Message(string workspaceName, string? workspaceId, string title, string text) =>
        Page(workspaceName, workspaceId, title, $"<h1>{E(title)}</h1><p>{E(text)}</p>");

    private static string SearchForm(string workspaceId, string query) =>
        $"<form method=\"get\" action=\"/help/{workspaceId}\" role=\"search\"><input type=\"search\" name=\"q\" value=\"{E(query)}\" maxlength=\"{HelpCenterEndpoints.MaxQueryLength}\" placeholder=\"Describe your question\" aria-label=\"Search the help center\"><button type=\"submit\">Search</button></form>";

    private static string ArticleUrl(string workspaceId, string slug) => $"/help/{workspaceId}/articles/{slug}";

    private static string Page(string workspaceName, string? workspaceId, string title, string content) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{E(title)} · {E(workspaceName)}</title><style>{Style}</style></head><body><header><a href=\"{(workspaceId is null ? "#" : $"/help/{workspaceId}")}\"><strong>{E(workspaceName)}</strong> · Help center</a></header><main>{content}</main></body></html>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
