using System.Text.Json.Nodes;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using F = Crm.Silo.Infrastructure.Search.Elasticsearch.ElasticsearchFields;

namespace Crm.Silo.Infrastructure.Search.Elasticsearch;

/// <summary>
/// A search response as <see cref="SearchResults"/>. Hits are marked by the shared highlighter from the stored
/// document, as on Lucene, so both engines mark the same words and show notes only to those who may read them.
/// </summary>
internal static class ElasticsearchResults
{
    public static SearchResults Read(JsonNode? response, SearchQuery query)
    {
        var hits = (response?["hits"]?["hits"]?.AsArray() ?? [])
            .Where(h => h?["_source"]?[F.Stored] is not null)
            .Select(h => SearchHighlighter.Hit(VisibleTo(ElasticsearchDocuments.Read(h!["_source"]![F.Stored]!), query), query, Score(h["_score"])))
            .ToList();
        var total = response?["hits"]?["total"]?["value"]?.GetValue<int>() ?? hits.Count;
        return new SearchResults(hits, total, Facets(response?["aggregations"]), SearchNotices.For(query));
    }

    /// <summary>For users who may not read notes the source came without them: the document reads back with none.</summary>
    private static SearchDocument VisibleTo(SearchDocument document, SearchQuery query) =>
        query.IncludeInternalNotes ? document : document with { InternalTexts = [] };

    private static double Score(JsonNode? score) => score is JsonValue value && value.TryGetValue<double>(out var s) ? s : 0;

    private static IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets(JsonNode? aggregations)
    {
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>();
        if (aggregations is null) return facets;
        foreach (var (facet, _) in ElasticsearchQueryBuilder.FacetFields)
        {
            facets[facet] = (aggregations[facet]?["buckets"]?.AsArray() ?? [])
                .Select(b => new FacetCount(b!["key"]!.ToString(), b["doc_count"]!.GetValue<int>()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
                .ToList();
        }

        return facets;
    }
}
