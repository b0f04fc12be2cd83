using Crm.Grains.Abstractions.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// The indexer's reads back: it folds each event into the document as the engine holds it, so what it wrote lately is
/// answered from memory, the rest from the segments, and what was found nowhere is remembered as new.
/// </summary>
internal sealed partial class LuceneIndexGeneration
{
    /// <summary>How many lately written documents are kept for the indexer's reads: a few thousand busy conversations.</summary>
    private const int RecentCapacity = 4_096;

    // Under writeLock: the documents written lately, as written (removed ones left out), kept across refreshes. In a
    // chat the same conversations are folded again batch after batch; reading each back from the index (a seek per
    // segment, a stored-fields block decompressed, its JSON parsed) was about a twentieth of the server's CPU.
    private readonly Dictionary<string, SearchDocument> recent = new(StringComparer.Ordinal);

    /// <summary>
    /// Keys the indexer's last read found in no segment and nothing written since: their first write is an add, not
    /// an update. An update buffers a delete of its key, and applying the deletes seeks every key in every segment at
    /// each refresh: for a bulk of new customers, a seek that can only miss, per document. Any write of a key takes
    /// it out, and each read starts the set over, so a key is added at most once after the read that found it absent.
    /// </summary>
    private readonly HashSet<string> absent = new(StringComparer.Ordinal);

    /// <summary>
    /// Looks each key up in the key field's terms of every segment (a seek, not a scored query: the indexer asks for
    /// every key of every batch, most of them new).
    /// </summary>
    public Task<IReadOnlyDictionary<string, SearchDocument>> GetDocumentsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, SearchDocument>();
        // Under the write lock: a refresh between reading pending and the searcher would hide the documents it moves.
        using var _ = writeLock.EnterScope();
        absent.Clear();
        var missing = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            if (pending.TryGetValue(key, out var written) || recent.TryGetValue(key, out written)) found[key] = written;
            else missing.Add(key);
        }

        if (missing.Count == 0) return Task.FromResult<IReadOnlyDictionary<string, SearchDocument>>(found);
        var searcher = Searchers.Acquire();
        try
        {
            var segments = searcher.IndexReader.Leaves
                .Select(leaf => (Reader: leaf.AtomicReader, Terms: leaf.AtomicReader.GetTerms(LuceneFields.Key)?.GetEnumerator()))
                .Where(s => s.Terms is not null)
                .ToList();
            DocsEnum? reuse = null;
            foreach (var key in missing)
            {
                var term = new BytesRef(key);
                foreach (var (reader, terms) in segments)
                {
                    if (!terms!.SeekExact(term)) continue;
                    reuse = terms.Docs(reader.LiveDocs, reuse, DocsFlags.NONE);
                    var doc = reuse.NextDoc();
                    if (doc == DocIdSetIterator.NO_MORE_DOCS) continue;
                    found[key] = LuceneDocuments.Read(reader.Document(doc));
                    break;
                }

                if (!found.ContainsKey(key)) absent.Add(key);
            }
        }
        finally
        {
            Searchers.Release(searcher);
        }

        return Task.FromResult<IReadOnlyDictionary<string, SearchDocument>>(found);
    }

    /// <summary>
    /// Keeps a written document for the indexer's next read; past <see cref="RecentCapacity"/> the memory starts over
    /// (an import writes each customer once, so remembering them longer buys nothing).
    /// </summary>
    private void Remember(SearchDocument document)
    {
        if (recent.Count >= RecentCapacity && !recent.ContainsKey(document.Key)) recent.Clear();
        recent[document.Key] = document;
    }
}
