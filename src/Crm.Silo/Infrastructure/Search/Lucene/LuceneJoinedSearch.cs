using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// One worded search over documents and their sealed logs (earlier windows of a long conversation's messages and
/// notes, with its subject and customer: see <see cref="LuceneFields.Parent"/>), with the text query evaluated once:
/// <list type="number">
/// <item>The query runs over the workspace's documents that pass the filters and over its logs together. A document
/// goes to the results as it matches; a log only notes its parent's key, its score and itself (for the snippet).</item>
/// <item>The parents found only by their logs are looked up by key, filtered like any document, and join the results
/// with their best log's score (same query, so the scores compare).</item>
/// </list>
/// So every word must match in the conversation's own document (subject, customer, newest messages) or in one sealed
/// window with the subject and customer, much as message search in Zendesk or Chatwoot matches within a message. Most
/// conversations have no sealed log, and then the second pass has nothing to do. (Lucene.Net.Join is not available
/// here; this is a query-time join by key.)
/// </summary>
internal sealed class LuceneJoinedSearch(IndexSearcher searcher)
{
    private readonly Dictionary<string, (float Score, int NewestLog)> logged = new(StringComparer.Ordinal);

    /// <summary>Feeds <paramref name="results"/> every document the text matches by itself or by one of its logs, once each.</summary>
    /// <param name="conversationsWanted">False when the query asks for another kind: logs belong to conversations only.</param>
    public void Search(Query text, Query filter, string workspaceId, bool conversationsWanted, ICollector results)
    {
        var logs = new Term(LuceneFields.LogWorkspace, workspaceId);
        if (!conversationsWanted || searcher.IndexReader.DocFreq(logs) == 0)
        {
            // No conversation of this workspace has sealed a window yet (or none is asked for): documents only.
            searcher.Search(new FilteredQuery(text, CachedFilters.Of(filter)), results);
            return;
        }

        var documentsOrLogs = new BooleanQuery { { filter, Occur.SHOULD }, { new TermQuery(logs), Occur.SHOULD } };
        var direct = RentDirect(searcher.IndexReader.MaxDoc);
        try
        {
            var first = new DirectOrLogged(results, direct);
            searcher.Search(new FilteredQuery(text, CachedFilters.Of(documentsOrLogs)), first);
            first.Complete(logged);
            if (logged.Count == 0) return;

            var keys = logged.Keys.Select(k => new BytesRef(k)).ToList();
            var parents = new FilteredQuery(new ConstantScoreQuery(new TermsFilter(LuceneFields.Key, keys)), CachedFilters.Of(filter));
            searcher.Search(parents, new LoggedParents(results, direct, logged));
        }
        finally
        {
            ReturnDirect(direct);
        }
    }

    // A bit per document of the index, for the documents a search found directly: one kept per thread and cleared after
    // use. Made per search it was a large-object allocation from about 680,000 documents on (over 85 KB), and those set
    // off the collector's full collections; a search runs on one thread from start to end (it never awaits).
    [ThreadStatic] private static FixedBitSet? spareDirect;

    private static FixedBitSet RentDirect(int maxDoc)
    {
        var bits = spareDirect;
        spareDirect = null;
        // With room to grow: while documents arrive every refresh adds to the index, and a set exactly as large as the
        // index then was would be too small for the next search after each refresh.
        return bits is not null && bits.Length >= maxDoc ? bits : new FixedBitSet(maxDoc + maxDoc / 8 + 1_024);
    }

    private static void ReturnDirect(FixedBitSet bits)
    {
        bits.Clear(0, bits.Length);
        spareDirect = bits;
    }

    /// <summary>
    /// The messages and notes of the newest log of <paramref name="key"/> that the search matched, for its snippet; none
    /// when it matched by its own fields only. Read by document number: no second search.
    /// </summary>
    public (IReadOnlyList<string> Texts, IReadOnlyList<string> Notes) MatchedLog(string key)
    {
        if (!logged.TryGetValue(key, out var found)) return ([], []);
        var log = searcher.Doc(found.NewestLog);
        return (log.GetValues(LuceneFields.Text), log.GetValues(LuceneFields.Note));
    }

    /// <summary>
    /// The first pass: a document (it has no parent) goes to the results and is marked as found; a log's parent gets the
    /// best score among its logs and the newest of them, by ordinal per segment (a map as large as the matches, not as the
    /// segment: the segment holds every workspace's logs), turned into keys when the segment ends.
    /// </summary>
    private sealed class DirectOrLogged(ICollector results, FixedBitSet direct) : ICollector
    {
        private readonly Dictionary<string, (float Score, int NewestLog)> found = new(StringComparer.Ordinal);
        private Scorer? scorer;
        private SortedDocValues? parents;
        private readonly Dictionary<int, (float Score, int NewestLog)> perOrd = [];
        private int docBase;

        // Collected in doc order or not, as the results allow (the out-of-order top collector is used for worded searches).
        public bool AcceptsDocsOutOfOrder => results.AcceptsDocsOutOfOrder;

        public void SetScorer(Scorer scorer)
        {
            this.scorer = scorer;
            results.SetScorer(scorer);
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            docBase = context.DocBase;
            parents = context.AtomicReader.GetSortedDocValues(LuceneFields.Parent);
            results.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            var ord = parents?.GetOrd(doc) ?? -1;
            if (ord < 0)
            {
                direct.Set(docBase + doc);
                results.Collect(doc);
                return;
            }

            var score = scorer!.GetScore();
            perOrd[ord] = perOrd.TryGetValue(ord, out var seen) ? (Math.Max(seen.Score, score), Math.Max(seen.NewestLog, doc)) : (score, doc);
        }

        public void Complete(Dictionary<string, (float Score, int NewestLog)> into)
        {
            Flush();
            foreach (var (key, value) in found) into[key] = value;
        }

        private void Flush()
        {
            if (parents is null) return;
            var shared = new BytesRef();
            foreach (var (ord, (score, newest)) in perOrd)
            {
                parents.LookupOrd(ord, shared);
                var key = shared.Utf8ToString();
                var mine = (Score: score, NewestLog: docBase + newest);
                found[key] = found.TryGetValue(key, out var other)
                    ? (Math.Max(other.Score, mine.Score), Math.Max(other.NewestLog, mine.NewestLog))
                    : mine;
            }

            parents = null;
            perOrd.Clear();
        }
    }

    /// <summary>The second pass: parents found by their logs, unless the first pass found them by their own fields.</summary>
    private sealed class LoggedParents(ICollector results, FixedBitSet direct, Dictionary<string, (float Score, int NewestLog)> logged) : ICollector
    {
        private readonly FixedScorer score = new();
        private readonly BytesRef shared = new();
        private SortedDocValues? keys;
        private int docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => results.SetScorer(score);

        public void SetNextReader(AtomicReaderContext context)
        {
            docBase = context.DocBase;
            keys = context.AtomicReader.GetSortedDocValues(LuceneFields.Key);
            results.SetNextReader(context);
            results.SetScorer(score);
        }

        public void Collect(int doc)
        {
            if (direct.Get(docBase + doc) || keys is null) return;
            keys.Get(doc, shared);
            if (!logged.TryGetValue(shared.Utf8ToString(), out var found)) return;
            score.Set(doc, found.Score);
            results.Collect(doc);
        }
    }

    /// <summary>A scorer that only reports the score it was given (the parent's best log score).</summary>
    private sealed class FixedScorer() : Scorer(null)
    {
        private int doc = -1;
        private float value;

        public void Set(int doc, float value) => (this.doc, this.value) = (doc, value);

        public override float GetScore() => value;

        public override int Freq => 1;

        public override int DocID => doc;

        public override int NextDoc() => throw new NotSupportedException();

        public override int Advance(int target) => throw new NotSupportedException();

        public override long GetCost() => 1;
    }
}
