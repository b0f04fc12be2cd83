namespace Crm.Grains.Abstractions.Search;

/// <summary>
/// The answer to a <see cref="SearchQuery"/>: the best hits, how many matched, facet counts over every match when
/// asked (by facet name: kind, status, channel, assignee, label), and a <see cref="Notice"/> for the user when the
/// query was cut or had nothing to search for.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.search.results")]
public sealed record SearchResults(
    [property: Id(0)] IReadOnlyList<SearchHit> Hits,
    [property: Id(1)] int Total,
    [property: Id(2)] IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    [property: Id(3)] string? Notice = null)
{
    public static SearchResults Nothing(string? notice) => new([], 0, new Dictionary<string, IReadOnlyList<FacetCount>>(), notice);
}
