using Crm.Grains.Abstractions.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// Counts the facets of every match (the Lucene facet module is not available here): each segment's sorted doc
/// values are counted by ordinal, then turned into values when the segment is done.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private static readonly string[] SingleValued = [LuceneFields.Kind, LuceneFields.Status, LuceneFields.Channel, LuceneFields.Assignee];

    private readonly Dictionary<string, Dictionary<string, int>> counts = SearchFacets.All.ToDictionary(f => f, _ => new Dictionary<string, int>());
    private readonly List<(string Facet, SortedDocValues? Values, int[] Counts)> single = [];
    private (SortedSetDocValues? Values, Dictionary<long, int> Counts) labels;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        foreach (var field in SingleValued)
        {
            var values = context.AtomicReader.GetSortedDocValues(field);
            single.Add((FacetOf(field), values, new int[values?.ValueCount ?? 0]));
        }

        labels = (context.AtomicReader.GetSortedSetDocValues(LuceneFields.Label), []);
    }

    public void Collect(int doc)
    {
        foreach (var (_, values, perOrd) in single)
        {
            if (values is null) continue;
            var ord = values.GetOrd(doc);
            if (ord >= 0) perOrd[ord]++;
        }

        if (labels.Values is not { } set) return;
        set.SetDocument(doc);
        for (var ord = set.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = set.NextOrd())
            labels.Counts[ord] = labels.Counts.GetValueOrDefault(ord) + 1;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Result()
    {
        Flush();
        return counts.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetCount>)f.Value.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new FacetCount(c.Key, c.Value)).ToList());
    }

    private void Flush()
    {
        var term = new BytesRef();
        foreach (var (facet, values, perOrd) in single)
        {
            for (var ord = 0; ord < perOrd.Length; ord++)
            {
                if (perOrd[ord] == 0) continue;
                values!.LookupOrd(ord, term);
                Add(facet, term.Utf8ToString(), perOrd[ord]);
            }
        }

        single.Clear();
        if (labels.Values is { } set)
        {
            foreach (var (ord, count) in labels.Counts)
            {
                set.LookupOrd(ord, term);
                Add(SearchFacets.Label, term.Utf8ToString(), count);
            }
        }

        labels = (null, []);
    }

    private void Add(string facet, string value, int count) =>
        counts[facet][value] = counts[facet].GetValueOrDefault(value) + count;

    private static string FacetOf(string field) => field switch
    {
        LuceneFields.Kind => SearchFacets.Kind,
        LuceneFields.Status => SearchFacets.Status,
        LuceneFields.Channel => SearchFacets.Channel,
        _ => SearchFacets.Assignee,
    };
}
