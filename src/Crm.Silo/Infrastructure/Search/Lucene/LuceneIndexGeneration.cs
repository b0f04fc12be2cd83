using System.Globalization;
using Crm.Grains.Abstractions.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// One index folder: its writer, and a searcher manager over the writer (near-real-time: a refresh after each write
/// makes it searchable at once). The checkpoint lives in the commit's user data, so it is durable exactly when the
/// documents it covers are.
/// </summary>
internal sealed class LuceneIndexGeneration : ISearchIndexWriter, IDisposable
{
    private const string CheckpointKey = "crm.checkpoint";

    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly object writeLock = new();

    private LuceneIndexGeneration(string path, LuceneDirectory directory, IndexWriter writer)
    {
        Path = path;
        this.directory = directory;
        this.writer = writer;
        Searchers = new SearcherManager(writer, true, null);
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

    public Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        lock (writeLock)
        {
            return Task.FromResult(writer.CommitData is { } data && data.TryGetValue(CheckpointKey, out var value)
                ? long.Parse(value, CultureInfo.InvariantCulture)
                : (long?)null);
        }
    }

    public Task<IReadOnlyDictionary<string, SearchDocument>> GetDocumentsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, SearchDocument>();
        var searcher = Searchers.Acquire();
        try
        {
            foreach (var key in keys)
            {
                var top = searcher.Search(new TermQuery(new Term(LuceneFields.Key, key)), 1);
                if (top.TotalHits > 0) found[key] = LuceneDocuments.Read(searcher.Doc(top.ScoreDocs[0].Doc));
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
            writer.SetCommitData(new Dictionary<string, string> { [CheckpointKey] = checkpoint.ToString(CultureInfo.InvariantCulture) });
            // One commit carries the documents and the checkpoint: after a crash both are there, or neither.
            writer.Commit();
        }

        Searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    /// <summary>Bytes on disk.</summary>
    public long SizeInBytes() => new DirectoryInfo(Path).EnumerateFiles().Sum(f => f.Length);

    public void Dispose()
    {
        Searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
    }
}
