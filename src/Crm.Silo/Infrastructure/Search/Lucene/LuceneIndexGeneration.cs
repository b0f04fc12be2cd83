using System.Globalization;
using Crm.Grains.Abstractions.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// One index folder: its writer, and a searcher manager over the writer (near-real-time: a refresh after each write
/// makes it searchable at once). The checkpoint lives in the commit's user data, so it is durable exactly when the
/// documents it covers are. Commits (an fsync of every new file) happen at most once per <see cref="CommitInterval"/>,
/// not per write: under a steady stream of small batches the fsyncs, not the indexing, set the pace; what a crash
/// loses of the last interval is replayed from the store (the older checkpoint comes back with the older documents).
/// </summary>
internal sealed class LuceneIndexGeneration : ISearchIndexWriter, IDisposable
{
    private const string CheckpointKey = "crm.checkpoint";

    /// <summary>The longest a written batch waits for its durable commit.</summary>
    public static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(1);

    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly object writeLock = new();
    private readonly Timer committer;

    // Under writeLock: the checkpoint of the last write (committed or not), and whether a write awaits its commit.
    private long? written;
    private bool dirty;
    private bool disposed;
    private long lastCommit = Environment.TickCount64;

    private LuceneIndexGeneration(string path, LuceneDirectory directory, IndexWriter writer)
    {
        Path = path;
        this.directory = directory;
        this.writer = writer;
        Searchers = new SearcherManager(writer, true, null);
        // Commits the last writes of a burst once the index is quiet, so they do not wait for the next write.
        committer = new Timer(_ => CommitIfDue(), null, CommitInterval, CommitInterval);
    }

    public string Path { get; }

    public SearcherManager Searchers { get; }

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

    /// <summary>
    /// Looks each key up in the key field's terms of every segment (a seek, not a scored query: the indexer asks for
    /// every key of every batch, most of them new).
    /// </summary>
    public Task<IReadOnlyDictionary<string, SearchDocument>> GetDocumentsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, SearchDocument>();
        var searcher = Searchers.Acquire();
        try
        {
            var segments = searcher.IndexReader.Leaves
                .Select(leaf => (Reader: leaf.AtomicReader, Terms: leaf.AtomicReader.GetTerms(LuceneFields.Key)?.GetEnumerator()))
                .Where(s => s.Terms is not null)
                .ToList();
            DocsEnum? reuse = null;
            foreach (var key in keys)
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
            foreach (var document in documents) writer.UpdateDocument(new Term(LuceneFields.Key, document.Key), LuceneDocuments.From(document));
            written = checkpoint;
            dirty = true;
            if (Environment.TickCount64 - lastCommit >= CommitInterval.TotalMilliseconds) CommitLocked();
        }

        // Searchable now (the next batch reads these documents back through the searcher); durable by the next commit.
        Searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    /// <summary>Makes every write durable now (before a rebuilt index is swapped in).</summary>
    public void Commit()
    {
        lock (writeLock) CommitLocked();
    }

    private void CommitIfDue()
    {
        lock (writeLock)
        {
            if (disposed || !dirty || Environment.TickCount64 - lastCommit < CommitInterval.TotalMilliseconds) return;
            try
            {
                CommitLocked();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Left dirty: the next write commits again and hands the failure to the indexer, which retries.
            }
        }
    }

    private void CommitLocked()
    {
        if (!dirty) return;
        // One commit carries the documents and their checkpoint: after a crash both are there, or neither.
        writer.SetCommitData(new Dictionary<string, string> { [CheckpointKey] = written!.Value.ToString(CultureInfo.InvariantCulture) });
        writer.Commit();
        dirty = false;
        lastCommit = Environment.TickCount64;
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
