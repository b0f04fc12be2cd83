using System.Diagnostics;
using System.Threading.Channels;
using Crm.Grains.Abstractions.EventStore;
using Microsoft.Extensions.Logging;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// Group commit shared by every provider. Callers queue their appends; one writer loop takes everything that
/// arrived while the previous commit was in flight, decides each append in order inside one transaction, commits
/// once, and only then releases the callers. One fsync thus serves a whole batch instead of one append.
/// </summary>
internal sealed class GroupCommitter : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<IAppendTransaction>> beginTransaction;
    private readonly int maxBatchAppends;
    private readonly GroupCommitCounters counters;
    private readonly CommitSignal committed;
    private readonly ILogger logger;
    private readonly Channel<PendingAppend> queue;
    private readonly Task writerLoop;

    public GroupCommitter(
        Func<CancellationToken, Task<IAppendTransaction>> beginTransaction,
        int maxBatchAppends,
        EventStoreMetrics metrics,
        CommitSignal committed,
        ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchAppends, 1);
        this.beginTransaction = beginTransaction;
        this.maxBatchAppends = maxBatchAppends;
        counters = new GroupCommitCounters(metrics);
        this.committed = committed;
        this.logger = logger;
        queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
        writerLoop = Task.Run(RunWriterLoopAsync);
    }

    public GroupCommitStatistics Statistics => counters.Snapshot;

    public Task<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedVersion, ExpectedVersion.Any);
        if (events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(events));
        }

        // Copied so a caller that reuses its list cannot change what the writer loop stores.
        var copy = events.ToArray();
        var ids = new HashSet<Guid>(copy.Length);
        foreach (var e in copy)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            if (!ids.Add(e.EventId))
            {
                throw new ArgumentException($"Event id {e.EventId} appears twice in one append to '{streamId}'.", nameof(events));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingAppend(streamId, expectedVersion, copy);
        if (cancellationToken.CanBeCanceled)
        {
            pending.CancellationRegistration = cancellationToken.Register(
                static (state, token) => ((PendingAppend)state!).TryCancel(token), pending);
        }

        if (!queue.Writer.TryWrite(pending))
        {
            pending.CancellationRegistration.Dispose();
            throw new ObjectDisposedException(nameof(GroupCommitter), "The event store is shut down; the append was not written.");
        }

        return pending.Completion.Task;
    }

    /// <summary>Stops taking appends, commits everything already queued, then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writerLoop.ConfigureAwait(false);
    }

    private async Task RunWriterLoopAsync()
    {
        var batch = new List<PendingAppend>(maxBatchAppends);
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // Let the callers just released by the previous commit run first: most append again at once, and
            // joining this batch instead of waiting a whole commit for the next one roughly doubles the batch.
            await Task.Yield();

            // Everything that queued up during the previous commit goes into this one, up to the cap.
            batch.Clear();
            while (batch.Count < maxBatchAppends && reader.TryRead(out var pending))
            {
                if (pending.TryTake())
                {
                    // From here on the caller's token no longer applies: the append's outcome is the commit's.
                    pending.CancellationRegistration.Dispose();
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                await CommitBatchAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitBatchAsync(List<PendingAppend> batch)
    {
        var started = Stopwatch.GetTimestamp();
        var outcomes = new AppendOutcome[batch.Count];
        long lastPosition;
        try
        {
            await using var transaction = await beginTransaction(CancellationToken.None).ConfigureAwait(false);
            lastPosition = await CommitPlanner.DecideAndWriteAsync(transaction, batch, outcomes).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Nothing of this batch is durable: every caller learns that, whatever was decided for it.
            logger.LogError(exception, "Event store group commit of {Appends} appends failed", batch.Count);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }

            return;
        }

        counters.RecordCommit(batch, outcomes, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        // Released only now that the commit is durable; readers are woken once per commit, not per append.
        committed.Advance(lastPosition);
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                batch[i].Completion.TrySetException(error);
            }
            else
            {
                batch[i].Completion.TrySetResult(outcomes[i].Result!);
            }
        }
    }
}
