using Crm.Grains.Abstractions.Search;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Web.Api;

public static class SearchApi
{
    /// <summary>
    /// GET /api/search?q=&amp;kind=&amp;status=&amp;assignee=&amp;label=&amp;channel=&amp;from=&amp;to=&amp;limit=&amp;facets=true: the
    /// console's answers, as JSON (503 with a message when the engine is down). Admins: POST /api/admin/search/rebuild
    /// starts a rebuild (202; 409 when one runs), GET shows its progress.
    /// </summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/search").WithTags("Search").RequirePolicy(CrmPolicies.Search).MapGet("/", SearchAsync);
        var admin = endpoints.MapGroup("/api/admin/search").WithTags("Search").RequirePolicy(CrmPolicies.Administer);
        admin.MapPost("/rebuild", async Task<Results<Accepted<SearchRebuildStatus>, Conflict<SearchRebuildStatus>>> (WorkspaceUser user, SearchService search) =>
            await search.StartRebuildAsync(user)
                ? TypedResults.Accepted("/api/admin/search/rebuild", await search.GetRebuildStatusAsync(user))
                : TypedResults.Conflict(await search.GetRebuildStatusAsync(user)));
        admin.MapGet("/rebuild", async (WorkspaceUser user, SearchService search) => TypedResults.Ok(await search.GetRebuildStatusAsync(user)));
        return endpoints;
    }

    private static async Task<Ok<SearchResults>> SearchAsync(
        string? q, string? kind, string? status, string? assignee, string? label, string? channel, string? from, string? to,
        string? limit, string? facets, WorkspaceUser user, SearchService search) =>
        TypedResults.Ok(await search.SearchAsync(user, new SearchRequest(
            q,
            QueryEnum.Parse<SearchKind>(kind, "kind"),
            status,
            assignee,
            label,
            channel,
            QueryValues.Instant(from, "from"),
            QueryValues.Instant(to, "to"),
            QueryValues.Number<int>(limit, "limit"),
            string.Equals(facets, "true", StringComparison.OrdinalIgnoreCase))));
}
