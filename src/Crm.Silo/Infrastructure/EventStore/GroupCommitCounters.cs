namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// The group committer's statistics: totals since the store opened (<see cref="GroupCommitStatistics"/>) and the
/// per-commit metrics. Written by the writer loop only, read from any thread.
/// </summary>
internal sealed class GroupCommitCounters(EventStoreMetrics metrics)
{
    private long commits;
    private long appends;
    private long events;
    private long duplicates;

    public GroupCommitStatistics Snapshot => new(
        Interlocked.Read(ref commits),
        Interlocked.Read(ref appends),
        Interlocked.Read(ref events),
        Interlocked.Read(ref duplicates));

    /// <summary>Counts one durable commit: its appends, the events it wrote and the duplicates it answered.</summary>
    public void RecordCommit(List<PendingAppend> batch, AppendOutcome[] outcomes, double elapsedMilliseconds)
    {
        var written = 0;
        var duplicateCount = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Result is { } result)
            {
                written += result.Duplicate ? 0 : batch[i].Events.Length;
                duplicateCount += result.Duplicate ? 1 : 0;
            }
        }

        Interlocked.Increment(ref commits);
        Interlocked.Add(ref appends, batch.Count);
        Interlocked.Add(ref events, written);
        Interlocked.Add(ref duplicates, duplicateCount);
        metrics.RecordCommit(batch.Count, written, elapsedMilliseconds);
    }
}
