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
        _ => $"conversations/{Uri.EscapeDataString(hit.Id)}",
    };

    public static string KindName(SearchKind kind) => SearchValues.Of(kind);

    public static string GroupTitle(SearchKind kind) => kind switch
    {
        SearchKind.Customer => "Customers",
        SearchKind.Company => "Companies",
        SearchKind.Article => "Articles",
        _ => "Conversations",
    };

    public static string Icon(SearchKind kind) => kind switch
    {
        SearchKind.Customer => MudBlazor.Icons.Material.Filled.Person,
        SearchKind.Company => MudBlazor.Icons.Material.Filled.Business,
        SearchKind.Article => MudBlazor.Icons.Material.Filled.Article,
        _ => MudBlazor.Icons.Material.Filled.Forum,
    };

    public static string Page(string? text) => "search" + (string.IsNullOrWhiteSpace(text) ? "" : "?q=" + Uri.EscapeDataString(text));
}
