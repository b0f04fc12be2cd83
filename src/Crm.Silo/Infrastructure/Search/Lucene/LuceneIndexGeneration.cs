using System.Globalization;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// One index folder: its writer, and a searcher manager over the writer (near-real-time). The checkpoint lives in the
/// commit's user data, so it is durable exactly when the documents it covers are. Commits (an fsync of every new file)
/// happen at most once per <see cref="CommitInterval"/>, not per write: under a steady stream of small batches the
/// fsyncs, not the indexing, set the pace; what a crash loses of the last interval is replayed from the store (the older
/// checkpoint comes back with the older documents).
/// <para>
/// Refreshes (which flush the writer's buffer into a new segment) happen at most once per <see cref="RefreshInterval"/>,
/// or before a search when writes are waiting, never per write: at chat rates a refresh per batch meant a tiny segment
/// per message and merges without end (over 1 ms of CPU per chat message). Until the refresh, the documents written are
/// kept in <c>pending</c>, so the indexer reading a document back (to fold the next event into it) sees its own writes.
/// </para>
/// </summary>
internal sealed class LuceneIndexGeneration : ISearchIndexWriter, IDisposable
{
    private const string CheckpointKey = "crm.checkpoint";
    private const string MappingKey = "crm.mapping";

    /// <summary>The longest a written batch waits for its durable commit.</summary>
    public static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest a written document waits to be searchable when nobody searches.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The same while a backlog is folded in (an import, a catch-up): <see cref="BulkPending"/> documents or more waiting.
    /// Each refresh flushes a segment that merges then rewrite; at an import's pace a refresh every quarter second was a
    /// fifth of the indexing CPU (refreshes and merges). A search still refreshes first, so nothing written is missed.
    /// </summary>
    public static readonly TimeSpan BulkRefreshInterval = TimeSpan.FromSeconds(1);

    private const int BulkPending = 2_000;

    /// <summary>How many lately written documents are kept for the indexer's reads: a few thousand busy conversations.</summary>
    private const int RecentCapacity = 4_096;

    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly System.Threading.Lock writeLock = new();
    private readonly Timer committer;

    // Under writeLock: the checkpoint of the last write (committed or not), whether a write awaits its commit, and the
    // documents written since the last refresh, by key, with the checkpoint of the last write among them.
    private readonly Dictionary<string, SearchDocument> pending = new(StringComparer.Ordinal);

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
    private long? written;
    private string? mapping;
    private bool dirty;
    private bool disposed;
    private long lastCommit = Environment.TickCount64;
    private long lastRefresh = Environment.TickCount64;
    private long searchable;

    private LuceneIndexGeneration(string path, LuceneDirectory directory, IndexWriter writer)
    {
        Path = path;
        this.directory = directory;
        this.writer = writer;
        // A new index is built for what the indexer reads now; an old one says what it was built for, if anything.
        mapping = writer.CommitData is { } data && data.TryGetValue(MappingKey, out var recorded) ? recorded
            : DirectoryReader.IndexExists(directory) && writer.CommitData.Count > 0 ? null : SearchMapping.Current;
        Searchers = new SearcherManager(writer, true, null);
        // Refreshes and commits the last writes of a burst once the index is quiet, so they do not wait for the next write.
        committer = new Timer(_ => FlushIfDue(), null, RefreshInterval, RefreshInterval);
    }

    public string Path { get; }

    public SearcherManager Searchers { get; }

    /// <summary>The checkpoint of the last write a search can see.</summary>
    public long SearchableCheckpoint => Interlocked.Read(ref searchable);

    /// <summary>A searcher that sees every write so far (refreshing first if writes wait); release it to <see cref="Searchers"/>.</summary>
    public IndexSearcher AcquireCurrent()
    {
        lock (writeLock)
        {
            if (pending.Count > 0 && !disposed) RefreshLocked();
        }

        return Searchers.Acquire();
    }

    public static LuceneIndexGeneration Open(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        try
        {
            var config = new IndexWriterConfig(LuceneAnalyzers.Version, LuceneAnalyzers.Index)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = 48,
            };
            return new LuceneIndexGeneration(path, directory, new IndexWriter(directory, config));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The checkpoint of the documents this writer holds: the last write's (in this process the writer keeps what it
    /// has not committed yet, so a projection that re-reads it after a failure resumes where its documents are), else
    /// the last commit's (after a restart).
    /// </summary>
    public Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        lock (writeLock)
        {
            return Task.FromResult(written ?? (writer.CommitData is { } data && data.TryGetValue(CheckpointKey, out var value)
                ? long.Parse(value, CultureInfo.InvariantCulture)
                : (long?)null));
        }
    }

    public Task<string?> ReadMappingAsync(CancellationToken cancellationToken)
    {
        lock (writeLock) return Task.FromResult(mapping);
    }

    public Task RecordMappingAsync(string value, CancellationToken cancellationToken)
    {
        lock (writeLock)
        {
            mapping = value;
            dirty = true;
            CommitLocked();
        }

        return Task.CompletedTask;
    }

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

    public Task WriteAsync(IReadOnlyList<SearchDocument> documents, long checkpoint, CancellationToken cancellationToken)
    {
        lock (writeLock)
        {
            foreach (var document in documents)
            {
                var key = new Term(LuceneFields.Key, document.Key);
                var isNew = absent.Remove(document.Key);
                if (document.Removed)
                {
                    writer.DeleteDocuments(key);
                    writer.DeleteDocuments(new Term(LuceneFields.Parent, document.Key));
                }
                else
                {
                    // The document with at most a window of its newest messages (cheap to rewrite), and a full window
                    // sealed beside it, once. The log first: a failure between the two leaves the window in the document
                    // too (sealed again on the retry, found twice, counted once), never in neither.
                    var (own, sealedLog) = LuceneDocuments.Split(document);
                    if (sealedLog is not null) writer.AddDocument(sealedLog);
                    var fields = LuceneDocuments.From(own);
                    if (isNew) writer.AddDocument(fields);
                    else writer.UpdateDocument(key, fields);
                    pending[document.Key] = own;
                    Remember(own);
                    continue;
                }

                pending[document.Key] = document;
                recent.Remove(document.Key);
            }
            written = checkpoint;
            dirty = true;
            var now = Environment.TickCount64;
            if (RefreshDueLocked(now)) RefreshLocked();
            if (now - lastCommit >= CommitInterval.TotalMilliseconds) CommitLocked();
        }

        // Searchable within RefreshInterval (or at the next search); durable by the next commit.
        return Task.CompletedTask;
    }

    /// <summary>Makes every write durable now (before a rebuilt index is swapped in).</summary>
    public void Commit()
    {
        lock (writeLock) CommitLocked();
    }

    private void FlushIfDue()
    {
        lock (writeLock)
        {
            if (disposed) return;
            try
            {
                if (pending.Count > 0 && RefreshDueLocked(Environment.TickCount64)) RefreshLocked();
                if (dirty && Environment.TickCount64 - lastCommit >= CommitInterval.TotalMilliseconds) CommitLocked();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Left dirty: the next write commits again and hands the failure to the indexer, which retries.
            }
        }
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

    private bool RefreshDueLocked(long now) =>
        now - lastRefresh >= (pending.Count >= BulkPending ? BulkRefreshInterval : RefreshInterval).TotalMilliseconds;

    private void RefreshLocked()
    {
        Searchers.MaybeRefreshBlocking();
        pending.Clear();
        lastRefresh = Environment.TickCount64;
        if (written is { } covered) Interlocked.Exchange(ref searchable, covered);
    }

    private void CommitLocked()
    {
        if (!dirty) return;
        // One commit carries the documents and their checkpoint: after a crash both are there, or neither.
        var data = new Dictionary<string, string>();
        if (written is { } checkpoint) data[CheckpointKey] = checkpoint.ToString(CultureInfo.InvariantCulture);
        if (mapping is not null) data[MappingKey] = mapping;
        writer.SetCommitData(data);
        writer.Commit();
        dirty = false;
        lastCommit = Environment.TickCount64;
    }

    /// <summary>Waits for the writer's background merges; returns how many segments a searcher then reads.</summary>
    public int Settle()
    {
        writer.WaitForMerges();
        lock (writeLock) RefreshLocked();
        var searcher = Searchers.Acquire();
        try
        {
            return searcher.IndexReader.Leaves.Count;
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    /// <summary>Bytes on disk.</summary>
    public long SizeInBytes() => new DirectoryInfo(Path).EnumerateFiles().Sum(f => f.Length);

    public void Dispose()
    {
        committer.Dispose();
        lock (writeLock)
        {
            CommitLocked();
            disposed = true;
        }

        Searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
    }
}
