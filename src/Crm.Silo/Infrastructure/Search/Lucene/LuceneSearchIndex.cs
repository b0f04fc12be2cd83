using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// The single-node engine: a Lucene.NET index under the data folder (<c>search/lucene/</c>). The file <c>current</c>
/// names the live index folder; a rebuild writes a new folder and renames <c>current</c> over to it, so a crash during a
/// rebuild leaves the old index live. Opened on first use: when it cannot be opened (another process holds it, the disk
/// is gone) every call says search is unavailable and the next call tries again.
/// </summary>
public sealed class LuceneSearchIndex(string root, ILogger<LuceneSearchIndex> logger) : ISearchIndex, IDisposable
{
    private const string CurrentFile = "current";
    private const string OwnerFile = "owner.lock";

    private readonly SemaphoreSlim liveWrites = new(1, 1);
    private readonly Lock openLock = new();
    private LuceneIndexGeneration? live;

    // The generation the indexer last read its documents from (one indexer writes the live index).
    private LuceneIndexGeneration? readFrom;
    private FileStream? owner;

    /// <summary>The live index folder (for the benchmark's size and the tests).</summary>
    public string? LivePath => live?.Path;

    public long SizeInBytes() => Live().SizeInBytes();

    /// <summary>
    /// Brings the index to how it is once quiet (its merges done, merged down as a quiet index is: see
    /// LuceneIndexGeneration.Merges.cs) and says how many segments searches then read: the benchmark times type-ahead on
    /// an index as it is most of its life, not in the minute after a full rebuild.
    /// </summary>
    public int Settle() => Live().Settle();

    /// <summary>How many segments a searcher reads now (for the tests).</summary>
    internal int Segments => Live().Segments;

    /// <summary>The store position searches can see up to (the benchmark's index lag).</summary>
    public long SearchableCheckpoint => live?.SearchableCheckpoint ?? 0;

    public Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken) => Live().ReadCheckpointAsync(cancellationToken);

    public Task<string?> ReadMappingAsync(CancellationToken cancellationToken) => Live().ReadMappingAsync(cancellationToken);

    public Task RecordMappingAsync(string mapping, CancellationToken cancellationToken) => Live().RecordMappingAsync(mapping, cancellationToken);

    public Task<IReadOnlyDictionary<string, SearchDocument>> GetDocumentsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var generation = Live();
        Volatile.Write(ref readFrom, generation);
        return generation.GetDocumentsAsync(keys, cancellationToken);
    }

    public async Task WriteAsync(IReadOnlyList<SearchDocument> documents, long checkpoint, CancellationToken cancellationToken)
    {
        await liveWrites.WaitAsync(cancellationToken);
        try
        {
            // Documents folded from the index that a rebuild has just replaced must not land in the new one: where each
            // index sealed its windows differs, so messages would be lost or doubled. The indexer hands the batch again
            // (one event at a time), reading from the new index.
            if (documents.Count > 0 && Volatile.Read(ref readFrom) is { } source && source != Live())
            {
                Volatile.Write(ref readFrom, null);
                throw new InvalidOperationException("The search index was swapped for a rebuilt one while this batch was folded; it is folded again.");
            }

            await Live().WriteAsync(documents, checkpoint, cancellationToken);
        }
        finally
        {
            liveWrites.Release();
        }
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        // Words matched whole or by prefix; built again with typo clauses only when it is run with them (below).
        var exact = query.Text.Length == 0 ? null : LuceneQueryBuilder.Text(query, typos: false);
        if (query.Text.Length > 0 && exact is null) return Task.FromResult(SearchResults.Nothing(SearchNotices.NothingToSearch));
        var generation = Live();
        var searcher = generation.AcquireCurrent();
        try
        {
            var filter = LuceneQueryBuilder.Filter(query);
            var facets = query.WithFacets ? new FacetCollector() : null;
            ITopDocsCollector top;
            LuceneJoinedSearch? joined = null;
            if (exact is null)
            {
                // Without words there is no relevance: newest first.
                top = TopFieldCollector.Create(new Sort(new SortField(LuceneFields.Updated, SortFieldType.INT64, true)), query.Limit, false, false, false, false);
                searcher.Search(new FilteredQuery(new MatchAllDocsQuery(), CachedFilters.Of(filter)), Collector(top, facets));
            }
            else if (!LuceneQueryBuilder.AllowsTypos(query))
            {
                // No word allows a typo: the query without typo clauses is the whole query.
                (top, joined) = Worded(searcher, exact, filter, query, facets);
            }
            else if (facets is null && Worded(searcher, exact, filter, query, facets: null) is { Top.TotalHits: var found } first && found >= query.Limit)
            {
                // As you type, words matched whole or by prefix first (as Algolia and Meilisearch rank them), and typos
                // only when those do not fill a page: a typo clause expands a word into up to fifty similar terms per
                // field, most of a common word's cost ("will": "well", "wall", "fill", …). Searches that count (facets)
                // always include typos, so their counts do not depend on the page size.
                (top, joined) = first;
            }
            else
            {
                (top, joined) = Worded(searcher, LuceneQueryBuilder.Text(query)!, filter, query, facets);
            }

            var docs = top.GetTopDocs();
            var hits = docs.ScoreDocs
                .Select(d => SearchHighlighter.Hit(WithMatchedLog(LuceneDocuments.Read(searcher.Doc(d.Doc)), joined, query.IncludeInternalNotes), query,
                    float.IsNaN(d.Score) ? 0 : d.Score))
                .ToList();
            return Task.FromResult(new SearchResults(hits, docs.TotalHits, facets?.Result() ?? new Dictionary<string, IReadOnlyList<FacetCount>>(), SearchNotices.For(query)));
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    /// <summary>A worded search over documents and their logs (see <see cref="LuceneJoinedSearch"/>), best first.</summary>
    private static (ITopDocsCollector Top, LuceneJoinedSearch Joined) Worded(
        IndexSearcher searcher, Query text, Query filter, SearchQuery query, FacetCollector? facets)
    {
        // Out of order: the join hands its parents in after the first pass.
        var top = TopScoreDocCollector.Create(query.Limit, false);
        var joined = new LuceneJoinedSearch(searcher);
        joined.Search(text, filter, query.WorkspaceId, query.Kind is null or SearchKind.Conversation, Collector(top, facets));
        return (top, joined);
    }

    private static ICollector Collector(ITopDocsCollector top, FacetCollector? facets) => facets is null ? top : MultiCollector.Wrap(top, facets);

    /// <summary>The hit's document with the messages and notes the search matched in its log, which its snippet shows.</summary>
    private static SearchDocument WithMatchedLog(SearchDocument document, LuceneJoinedSearch? joined, bool includeNotes)
    {
        if (joined is null) return document;
        var (texts, notes) = joined.MatchedLog(document.Key);
        if (!includeNotes) notes = [];
        return texts.Count == 0 && notes.Count == 0
            ? document
            : document with { Texts = [.. document.Texts, .. texts], InternalTexts = [.. document.InternalTexts, .. notes] };
    }

    public Task<ISearchIndexWriter> CreateRebuildTargetAsync(CancellationToken cancellationToken)
    {
        Live();
        var path = System.IO.Path.Combine(root, $"index-{DateTime.UtcNow:yyyyMMddHHmmssfff}");
        return Task.FromResult<ISearchIndexWriter>(LuceneIndexGeneration.Open(path));
    }

    public async Task SwapInAsync(ISearchIndexWriter rebuilt, Func<CancellationToken, Task> finalCatchUp, CancellationToken cancellationToken)
    {
        var next = rebuilt as LuceneIndexGeneration ?? throw new ArgumentException("Not an index this engine made.", nameof(rebuilt));
        await liveWrites.WaitAsync(cancellationToken);
        try
        {
            await finalCatchUp(cancellationToken);
            // Durable before `current` names it.
            next.Commit();
            var temporary = System.IO.Path.Combine(root, CurrentFile + ".tmp");
            await File.WriteAllTextAsync(temporary, System.IO.Path.GetFileName(next.Path), cancellationToken);
            File.Move(temporary, System.IO.Path.Combine(root, CurrentFile), overwrite: true);
            LuceneIndexGeneration? old;
            lock (openLock) (old, live) = (live, next);
            // Searches that acquired the old searcher finish on it; new ones take the new index.
            old?.Dispose();
            if (old is not null) TryDelete(old.Path);
        }
        finally
        {
            liveWrites.Release();
        }
    }

    public void Dispose()
    {
        lock (openLock)
        {
            live?.Dispose();
            owner?.Dispose();
        }
    }

    private LuceneIndexGeneration Live()
    {
        if (live is { } opened) return opened;
        lock (openLock)
        {
            if (live is not null) return live;
            try
            {
                Directory.CreateDirectory(root);
                // One process owns the folder (Lucene's own lock does not keep a second process out here): another
                // node, or the reindex command run beside a live node, is refused instead of writing the same files.
                owner ??= new FileStream(System.IO.Path.Combine(root, OwnerFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var currentFile = System.IO.Path.Combine(root, CurrentFile);
                var name = File.Exists(currentFile) ? File.ReadAllText(currentFile).Trim() : "index-1";
                live = LuceneIndexGeneration.Open(System.IO.Path.Combine(root, name));
                if (!File.Exists(currentFile)) File.WriteAllText(currentFile, name);
                // A rebuild that died before its swap left a folder nobody reads.
                foreach (var stale in Directory.EnumerateDirectories(root).Where(d => System.IO.Path.GetFileName(d) != name)) TryDelete(stale);
                logger.LogInformation("Search index opened at {Path}", live.Path);
                return live;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or global::Lucene.Net.Store.LockObtainFailedException)
            {
                logger.LogWarning(exception, "The search index under {Root} cannot be opened", root);
                throw new SearchUnavailableException(
                    owner is null && exception is IOException && Directory.Exists(root)
                        ? "Search is unavailable: another process holds the search index."
                        : "Search is unavailable: the index cannot be opened.",
                    exception);
            }
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException exception)
        {
            logger.LogWarning(exception, "Could not delete the old search index {Path}", path);
        }
    }
}
