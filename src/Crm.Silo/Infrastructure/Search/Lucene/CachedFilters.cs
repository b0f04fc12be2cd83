using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// A search's filter (workspace, kind, what the user may see) as one bit per document of each segment, kept between
/// searches. Every type-ahead keystroke asks for the same few filters, and as a query its clause was advanced through the
/// workspace's postings for every candidate document: most of the cost of a common word's search, since nearly every
/// document of the workspace is one. As bits, Lucene reads the filter by random access while scoring, as Elasticsearch
/// does with its cache of filters used often. Deleted documents are left out at each search, so a cached segment stays
/// right; a new segment gets its own bits; those of merged-away segments go with them.
/// </summary>
internal static class CachedFilters
{
    /// <summary>
    /// Filters kept. Each holds an eighth of a byte per document of the index (about 140 KB at a million documents); a
    /// workspace's agents and sales reps ask for a few dozen between them. Past this many the cache starts over.
    /// </summary>
    private const int Capacity = 64;

    // By the query itself: Lucene's queries compare by their clauses and terms. Their text would not do: a filter value
    // with spaces ("open +label:vip") prints like two clauses.
    private static readonly ConcurrentDictionary<Query, Filter> Kept = new();

    /// <summary>The filter for <paramref name="filter"/>, which must not change afterwards (it is the cache's key).</summary>
    public static Filter Of(Query filter)
    {
        if (Kept.TryGetValue(filter, out var kept)) return kept;
        if (Kept.Count >= Capacity) Kept.Clear();
        return Kept.GetOrAdd(filter, _ => new AsBits(new QueryWrapperFilter(filter)));
    }

    /// <summary>Caches each segment's matches as a bit set, which Lucene reads by random access (its default caches a compressed list it can only step through).</summary>
    private sealed class AsBits(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            if (docIdSet?.GetIterator() is { } matches) bits.Or(matches);
            return bits;
        }
    }
}
