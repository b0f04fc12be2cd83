namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// How many segments searches read. Every search looks each typed word up in every segment, so fewer segments make
/// type-ahead cheaper: at 200,000 customers and 200,000 messages, 2 segments instead of 9 took a query from about 3.2 to
/// 2.3 ms of CPU. Merging harder all the time (four segments a tier) cost the import 11–20% of its rows per second, so
/// the writer merges as Lucene does by default while documents arrive, and once nothing has been written for
/// <see cref="QuietInterval"/> it merges its smallest segments into one until at most <see cref="QuietSegments"/> are
/// left (Lucene's tiered policy by itself merges only ten at a time, so it leaves up to nine small segments). Searchers
/// are refreshed as those merges finish, and the result committed so the old files go.
/// </summary>
internal sealed partial class LuceneIndexGeneration
{
    /// <summary>No documents written for this long: the index is quiet and merges down.</summary>
    public static readonly TimeSpan QuietInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most segments a quiet index keeps. Merging down to these rewrites only the smaller segments (the larger ones
    /// stay as they are), so an index that is already merged costs nothing.
    /// </summary>
    private const int QuietSegments = 4;

    private long lastDocumentWrite = Environment.TickCount64;

    // Quiet and merged down (or merging): searchers are refreshed and the result committed as merges finish.
    private bool tidied;

    /// <summary>How many segments a searcher reads now (for the tests).</summary>
    public int Segments
    {
        get
        {
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
    }

    private void WrittenLocked(long now)
    {
        lastDocumentWrite = now;
        tidied = false;
    }

    private void TidyIfQuietLocked(long now)
    {
        if (tidied)
        {
            // Cheap when nothing changed; opens the merged segment when a merge finished.
            Searchers.MaybeRefresh();
            if (writer.HasUncommittedChanges() && now - lastCommit >= CommitInterval.TotalMilliseconds)
            {
                dirty = true;
                CommitLocked();
            }

            return;
        }

        if (now - lastDocumentWrite >= QuietInterval.TotalMilliseconds) TidyLocked();
    }

    private void TidyLocked()
    {
        if (tidied || disposed) return;
        tidied = true;
        // Registers the merges and returns; the merge scheduler's threads run them.
        writer.ForceMerge(QuietSegments, doWait: false);
    }
}
