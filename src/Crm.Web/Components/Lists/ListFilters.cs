namespace Crm.Web.Components.Lists;

/// <summary>A list page's filters as a saved view's dictionary and as a query string (the CSV export's link).</summary>
public static class ListFilters
{
    /// <summary>The filters that are set; blank ones are left out, so a view stores only what narrows the list.</summary>
    public static IReadOnlyDictionary<string, string> Of(params (string Name, string? Value)[] filters) =>
        filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Name, f => f.Value!.Trim());

    public static string Href(string path, params (string Name, string? Value)[] filters)
    {
        var query = string.Join('&', Of(filters).Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}
