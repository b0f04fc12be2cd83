using System.Diagnostics;
using Crm.Grains.Abstractions.Search;

namespace Crm.Benchmarks.Search;

/// <summary>
/// The live index as the indexer projection writes it, noting when each write returned and the store position it
/// covered: <see cref="ISearchIndexWriter.WriteAsync"/> returns once its documents are searchable, so a message committed
/// at position p is searchable from the first write whose checkpoint reaches p. The lag phase checks that with real
/// searches for some of its messages too.
/// </summary>
public sealed class VisibleWrites(ISearchIndexWriter index) : ISearchIndexWriter
{
    private readonly List<(long Checkpoint, long Ticks)> writes = [];

    private long checkpoint;

    /// <summary>The position the last write covered.</summary>
    public long Checkpoint => Interlocked.Read(ref checkpoint);

    public Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken) => index.ReadCheckpointAsync(cancellationToken);

    public Task<IReadOnlyDictionary<string, SearchDocument>> GetDocumentsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        index.GetDocumentsAsync(keys, cancellationToken);

    public async Task WriteAsync(IReadOnlyList<SearchDocument> documents, long upTo, CancellationToken cancellationToken)
    {
        await index.WriteAsync(documents, upTo, cancellationToken);
        var now = Stopwatch.GetTimestamp();
        lock (writes)
        {
            writes.Add((upTo, now));
            Interlocked.Exchange(ref checkpoint, upTo);
        }
    }

    /// <summary>When <paramref name="position"/> became searchable (a <see cref="Stopwatch"/> timestamp), or null if not yet.</summary>
    public long? VisibleAt(long position)
    {
        lock (writes)
        {
            var low = 0;
            var high = writes.Count - 1;
            long? found = null;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (writes[middle].Checkpoint >= position)
                {
                    found = writes[middle].Ticks;
                    high = middle - 1;
                }
                else low = middle + 1;
            }

            return found;
        }
    }
}
