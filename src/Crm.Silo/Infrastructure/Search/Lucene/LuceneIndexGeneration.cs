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
internal sealed partial class LuceneIndexGeneration : ISearchIndexWriter, IDisposable
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

    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly System.Threading.Lock writeLock = new();
    private readonly Timer committer;

    // Under writeLock: the checkpoint of the last write (committed or not), whether a write awaits its commit, and the
    // documents written since the last refresh, by key, with the checkpoint of the last write among them.
    private readonly Dictionary<string, SearchDocument> pending = new(StringComparer.Ordinal);
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
        var directory = new MappedDirectory(path);
        try
        {
            var config = new IndexWriterConfig(LuceneAnalyzers.Version, LuceneAnalyzers.Index)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = 48,
                // A refresh's segment stays as its own files rather than copied into one compound file: the copy rewrote
                // every flushed byte once more, a refresh a second in a catch-up and four a second at chat rates. The 1M
                // search benchmark's catch-up, alternating: 9,817 and 9,631 documents/s at 130 and 134 µs each, against
                // 9,506 and 8,436 at 135 and 151 with compound files. Merged segments keep Lucene's default.
                UseCompoundFile = false,
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

    public Task WriteAsync(IReadOnlyList<SearchDocument> documents, long checkpoint, CancellationToken cancellationToken)
    {
        lock (writeLock)
        {
            foreach (var document in documents)
            {
                // Recorded one by one: when a later one fails, the batch is handed again, and its reads must see what
                // the writer took already, or a new customer written twice would be added twice.
                var kept = Write(document, isNew: absent.Remove(document.Key));
                pending[document.Key] = kept ?? document;
                if (kept is null) recent.Remove(document.Key);
                else Remember(kept);
            }

            written = checkpoint;
            dirty = true;
            var now = Environment.TickCount64;
            if (documents.Count > 0) WrittenLocked(now);
            if (RefreshDueLocked(now)) RefreshLocked();
            if (now - lastCommit >= CommitInterval.TotalMilliseconds) CommitLocked();
        }

        // Searchable within RefreshInterval (or at the next search); durable by the next commit.
        return Task.CompletedTask;
    }

    /// <summary>
    /// Hands one document to the writer; returns what the engine now holds for it, or null when it was removed.
    /// </summary>
    private SearchDocument? Write(SearchDocument document, bool isNew)
    {
        var key = new Term(LuceneFields.Key, document.Key);
        if (document.Removed)
        {
            writer.DeleteDocuments(key);
            writer.DeleteDocuments(new Term(LuceneFields.Parent, document.Key));
            return null;
        }

        // The document with at most a window of its newest messages (cheap to rewrite), and a full window sealed beside
        // it, once. The log first: a failure between the two leaves the window in the document too (sealed again on the
        // retry, found twice, counted once), never in neither.
        var (own, sealedLog) = LuceneDocuments.Split(document);
        if (sealedLog is not null) writer.AddDocument(sealedLog);
        var fields = LuceneDocuments.From(own);
        if (isNew) writer.AddDocument(fields);
        else writer.UpdateDocument(key, fields);
        return own;
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
                TidyIfQuietLocked(Environment.TickCount64);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Left dirty: the next write commits again and hands the failure to the indexer, which retries.
            }
        }
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

    /// <summary>
    /// Brings the index to how it is once quiet (see <see cref="QuietInterval"/>): its merges done, as few segments as
    /// a quiet index keeps. Returns how many segments a searcher then reads.
    /// </summary>
    public int Settle()
    {
        lock (writeLock) TidyLocked();
        writer.WaitForMerges();
        lock (writeLock) RefreshLocked();
        return Segments;
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
        // A merge still running is abandoned, not waited for: a quiet index's merge-down can take many seconds on a large
        // index, and what it would have merged is merged again after the next start. Every write is committed above.
        writer.Dispose(waitForMerges: false);
        directory.Dispose();
    }
}
