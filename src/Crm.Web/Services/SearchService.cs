using Crm.Grains.Abstractions.Search;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>
/// Search as the signed-in user may see it: always their own workspace, internal notes only when the matrix lets
/// their role read them (<see cref="CrmPolicies.SearchInternalNotes"/>), deals only when it lets them open deals
/// (<see cref="CrmPolicies.Sell"/>, the policy of /api/deals and the deal pages). The console and /api/search both come here.
/// </summary>
public sealed class SearchService(IGrainFactory grains, ILogger<SearchService> logger)
{
    public async Task<SearchResults> SearchAsync(WorkspaceUser user, SearchRequest request)
    {
        user.Require(CrmPolicies.Search);
        var query = SearchQuery.Create(
            user.WorkspaceId, request.Text, user.May(CrmPolicies.SearchInternalNotes), request.Kind, request.Status, request.AssigneeId,
            request.Label, request.Channel, request.From, request.To, request.Limit, request.WithFacets, MaySeeDeals(user));
        try
        {
            return await grains.GetGrain<ISearchGrain>(0).SearchAsync(query);
        }
        catch (Exception exception) when (exception is not SearchUnavailableException and not Grains.Abstractions.Errors.DomainException)
        {
            // Whatever broke behind the grain (a silo going away, an engine error), the user's answer is the same.
            logger.LogWarning(exception, "Search failed");
            throw new SearchUnavailableException("Search is unavailable right now; everything else keeps working.");
        }
    }

    /// <summary>Whether the user's hits, facets and kind filter include deals.</summary>
    public static bool MaySeeDeals(WorkspaceUser user) => user.May(CrmPolicies.Sell);

    public Task<bool> StartRebuildAsync(WorkspaceUser user)
    {
        user.Require(CrmPolicies.Administer);
        return grains.GetGrain<ISearchGrain>(0).StartRebuildAsync();
    }

    public Task<SearchRebuildStatus> GetRebuildStatusAsync(WorkspaceUser user)
    {
        user.Require(CrmPolicies.Administer);
        return grains.GetGrain<ISearchGrain>(0).GetRebuildStatusAsync();
    }
}
