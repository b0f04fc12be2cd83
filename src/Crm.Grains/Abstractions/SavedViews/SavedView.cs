namespace Crm.Grains.Abstractions.SavedViews;

/// <summary>
/// A named way of looking at a list: its filters (by the list's query names, e.g. "q", "owner", "tag"), its sort
/// ("name", "-amount") and the columns shown, in order (empty: the list's defaults).
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.saved-views.saved-view")]
public sealed record SavedView(string Name, IReadOnlyDictionary<string, string> Filters, string? Sort, IReadOnlyList<string> Columns);
