using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Grains.Abstractions.Workspaces;
using Crm.Grains.KnowledgeBase;
using Crm.Web.Security.Authorization;

namespace Crm.Web.HelpCenter;

/// <summary>
/// The public help center of each workspace: plain server-rendered HTML (no circuit, no script), one URL per article so
/// it can be linked from a reply or a search engine, published versions only, cached briefly by browsers and proxies.
/// </summary>
public static class HelpCenterEndpoints
{
    public const int MaxQueryLength = 200;
    private const string CacheControl = "public, max-age=60";

    public static IEndpointRouteBuilder MapHelpCenter(this IEndpointRouteBuilder endpoints)
    {
        var help = endpoints.MapGroup("/help/{workspaceId}").WithTags("Help center").RequirePolicy(CrmPolicies.Public);
        help.MapGet("/", IndexAsync);
        help.MapGet("/articles/{slug}", ArticleAsync);
        return endpoints;
    }

    private static async Task<IResult> IndexAsync(string workspaceId, string? q, IGrainFactory grains, HttpContext http)
    {
        if (await WorkspaceNameAsync(grains, workspaceId) is not { } name) return NotFound(workspaceId);
        if (q is { Length: > MaxQueryLength })
            return Html(HelpCenterPages.Message(name, workspaceId, "Search too long", $"Search with at most {MaxQueryLength} characters."), 400);
        http.Response.Headers.CacheControl = CacheControl;
        if (!string.IsNullOrWhiteSpace(q))
        {
            var matches = await grains.GetGrain<IAssistantGrain>(workspaceId).SearchArticlesAsync(q, 10);
            return Html(HelpCenterPages.Search(name, workspaceId, q.Trim(), matches));
        }
        var articles = (await grains.GetGrain<IKnowledgeBaseGrain>(workspaceId).ListAsync()).Where(a => a.Status == ArticleStatus.Published).ToList();
        return Html(HelpCenterPages.Index(name, workspaceId, articles));
    }

    private static async Task<IResult> ArticleAsync(string workspaceId, string slug, IGrainFactory grains, HttpContext http)
    {
        if (await WorkspaceNameAsync(grains, workspaceId) is not { } name || !ArticleRules.IsSlug(slug)) return NotFound(workspaceId);
        var summary = await grains.GetGrain<IKnowledgeBaseGrain>(workspaceId).FindPublishedAsync(slug);
        if (summary is null) return NotFound(workspaceId, name);
        try
        {
            var article = await grains.GetGrain<IArticleGrain>(GrainKeys.Scoped(workspaceId, summary.ArticleId)).GetPublishedAsync();
            http.Response.Headers.CacheControl = CacheControl;
            return Html(HelpCenterPages.Article(name, workspaceId, article));
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.NotFound)
        {
            // Unpublished between the catalog's answer and this read.
            return NotFound(workspaceId, name);
        }
    }

    private static async Task<string?> WorkspaceNameAsync(IGrainFactory grains, string workspaceId) =>
        Ids.IsValid(workspaceId) ? (await grains.GetGrain<IWorkspaceGrain>(workspaceId).FindAsync())?.Name : null;

    private static IResult NotFound(string workspaceId, string? name = null) =>
        Html(HelpCenterPages.Message(name ?? "Help center", name is null ? null : workspaceId, "Not found", "There is no such page in this help center."), 404);

    private static IResult Html(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
