using System.Diagnostics;
using Crm.Grains.Abstractions.Search;
using Crm.Silo.Infrastructure.Search.Lucene;

namespace Crm.Benchmarks.Search;

/// <summary>
/// The live index as the indexer projection writes it, noting when each store position became searchable: a sampler
/// reads the index's searchable checkpoint (moved by its refreshes, not by the writes) every millisecond, so a message
/// committed at position p is searchable from the first sample whose checkpoint reaches p. The lag phase checks that
/// with real searches for some of its messages too.
/// </summary>
public sealed class VisibleWrites : ISearchIndexWriter, IDisposable
{
    private readonly LuceneSearchIndex index;
    private readonly List<(long Checkpoint, long Ticks)> visible = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Thread sampler;

    public VisibleWrites(LuceneSearchIndex index)
    {
        this.index = index;
        sampler = new Thread(Sample) { IsBackground = true, Name = "searchable sampler" };
        sampler.Start();
    }

    /// <summary>The position searches can see up to.</summary>
    public long Checkpoint => index.SearchableCheckpoint;

    public Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken) => index.ReadCheckpointAsync(cancellationToken);

    public Task<string?> ReadMappingAsync(CancellationToken cancellationToken) => index.ReadMappingAsync(cancellationToken);

    public Task RecordMappingAsync(string mapping, CancellationToken cancellationToken) => index.RecordMappingAsync(mapping, cancellationToken);

    public Task<IReadOnlyDictionary<string, SearchDocument>> GetDocumentsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        index.GetDocumentsAsync(keys, cancellationToken);

    public Task WriteAsync(IReadOnlyList<SearchDocument> documents, long upTo, CancellationToken cancellationToken) =>
        index.WriteAsync(documents, upTo, cancellationToken);

    /// <summary>When <paramref name="position"/> became searchable (a <see cref="Stopwatch"/> timestamp), or null if not yet.</summary>
    public long? VisibleAt(long position)
    {
        lock (visible)
        {
            var low = 0;
            var high = visible.Count - 1;
            long? found = null;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (visible[middle].Checkpoint >= position)
                {
                    found = visible[middle].Ticks;
                    high = middle - 1;
                }
                else low = middle + 1;
            }

            return found;
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        sampler.Join();
    }

    private void Sample()
    {
        var last = 0L;
        while (!stop.IsCancellationRequested)
        {
            var checkpoint = index.SearchableCheckpoint;
            if (checkpoint > last)
            {
                lock (visible) visible.Add((checkpoint, Stopwatch.GetTimestamp()));
                last = checkpoint;
            }

            Thread.Sleep(1);
        }
    }
}
