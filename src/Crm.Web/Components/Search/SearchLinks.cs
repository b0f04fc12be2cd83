using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;

namespace Crm.Web.Components.Search;

/// <summary>Where a hit opens, and how kinds are named in the console.</summary>
public static class SearchLinks
{
    public static string Href(SearchHit hit) => hit.Kind switch
    {
        SearchKind.Customer => $"customers/{Uri.EscapeDataString(hit.Id)}",
        SearchKind.Company => $"companies?q={Uri.EscapeDataString(hit.TitleText)}",
        SearchKind.Article => $"knowledge-base/{Uri.EscapeDataString(hit.Id)}",
        // A deal has no page of its own: the list opens filtered to its title, as a company hit opens the companies list.
        SearchKind.Deal => $"deals/list?q={Uri.EscapeDataString(hit.TitleText)}",
        _ => $"conversations/{Uri.EscapeDataString(hit.Id)}",
    };

    public static string KindName(SearchKind kind) => SearchValues.Of(kind);

    public static string GroupTitle(SearchKind kind) => kind switch
    {
        SearchKind.Customer => "Customers",
        SearchKind.Company => "Companies",
        SearchKind.Article => "Articles",
        SearchKind.Deal => "Deals",
        _ => "Conversations",
    };

    public static string Icon(SearchKind kind) => kind switch
    {
        SearchKind.Customer => MudBlazor.Icons.Material.Filled.Person,
        SearchKind.Company => MudBlazor.Icons.Material.Filled.Business,
        SearchKind.Article => MudBlazor.Icons.Material.Filled.Article,
        SearchKind.Deal => MudBlazor.Icons.Material.Filled.Handshake,
        _ => MudBlazor.Icons.Material.Filled.Forum,
    };

    /// <summary>The kinds the search page's kind filter offers this user: deals only to those who may see them.</summary>
    public static IReadOnlyList<SearchKind> KindsFor(bool maySeeDeals) =>
        Enum.GetValues<SearchKind>().Where(k => k != SearchKind.Deal || maySeeDeals).ToList();

    public static string Page(string? text) => "search" + (string.IsNullOrWhiteSpace(text) ? "" : "?q=" + Uri.EscapeDataString(text));
}
