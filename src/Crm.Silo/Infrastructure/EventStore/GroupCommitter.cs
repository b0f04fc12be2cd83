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
    private readonly EventStoreMetrics metrics;
    private readonly ILogger logger;
    private readonly Channel<PendingAppend> queue;
    private readonly Task writerLoop;
    private long commits;
    private long appends;
    private long events;
    private long duplicates;

    public GroupCommitter(
        Func<CancellationToken, Task<IAppendTransaction>> beginTransaction,
        int maxBatchAppends,
        EventStoreMetrics metrics,
        ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchAppends, 1);
        this.beginTransaction = beginTransaction;
        this.maxBatchAppends = maxBatchAppends;
        this.metrics = metrics;
        this.logger = logger;
        queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
        writerLoop = Task.Run(RunWriterLoopAsync);
    }

    public GroupCommitStatistics Statistics => new(
        Interlocked.Read(ref commits),
        Interlocked.Read(ref appends),
        Interlocked.Read(ref events),
        Interlocked.Read(ref duplicates));

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
        var written = 0;
        try
        {
            await using var transaction = await beginTransaction(CancellationToken.None).ConfigureAwait(false);
            var state = await transaction.ReadStateAsync(
                batch.Select(p => p.StreamId).ToHashSet(),
                batch.SelectMany(p => p.Events).Select(e => e.EventId).ToHashSet(),
                CancellationToken.None).ConfigureAwait(false);

            for (var i = 0; i < batch.Count; i++)
            {
                outcomes[i] = await DecideAndWriteAsync(transaction, state, batch[i]).ConfigureAwait(false);
                if (outcomes[i].Result is { Duplicate: false })
                {
                    written += batch[i].Events.Length;
                }
            }

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

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var duplicateCount = outcomes.Count(o => o.Result is { Duplicate: true });
        Interlocked.Increment(ref commits);
        Interlocked.Add(ref appends, batch.Count);
        Interlocked.Add(ref events, written);
        Interlocked.Add(ref duplicates, duplicateCount);
        metrics.RecordCommit(batch.Count, written, elapsed);

        // Released only now that the commit is durable.
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

    private static async Task<AppendOutcome> DecideAndWriteAsync(IAppendTransaction transaction, AppendBatchState state, PendingAppend pending)
    {
        var outcome = Decide(state, pending);
        if (outcome.WriteAtVersion is not { } firstVersion)
        {
            return outcome;
        }

        var positions = await transaction.TryInsertAsync(pending.StreamId, firstVersion, pending.Events, CancellationToken.None).ConfigureAwait(false);
        if (positions is null)
        {
            // A writer outside this process committed first (the unique constraints are the last guard):
            // look again at what it wrote and decide once more, which yields a duplicate or a conflict.
            var fresh = await transaction.ReadStateAsync(
                [pending.StreamId],
                pending.Events.Select(e => e.EventId).ToArray(),
                CancellationToken.None).ConfigureAwait(false);
            Merge(fresh, state);
            outcome = Decide(state, pending);
            return outcome.WriteAtVersion is null
                ? outcome
                : AppendOutcome.Failed(new InvalidOperationException(
                    $"Append to '{pending.StreamId}' at version {firstVersion} was refused by a unique constraint; retry it."));
        }

        var lastVersion = firstVersion + pending.Events.Length - 1;
        state.StreamVersions[pending.StreamId] = lastVersion;
        for (var i = 0; i < pending.Events.Length; i++)
        {
            state.Events[pending.Events[i].EventId] = new ExistingEvent(pending.StreamId, firstVersion + i, positions[i]);
        }

        return AppendOutcome.Succeeded(new AppendResult(lastVersion, positions[^1], Duplicate: false));
    }

    /// <summary>Idempotency first (a retry carries a stale expected version), then the version check.</summary>
    private static AppendOutcome Decide(AppendBatchState state, PendingAppend pending)
    {
        var found = 0;
        var sameStream = 0;
        ExistingEvent? last = null;
        foreach (var e in pending.Events)
        {
            if (state.Events.TryGetValue(e.EventId, out var existing))
            {
                found++;
                if (existing.StreamId == pending.StreamId)
                {
                    sameStream++;
                    if (last is null || existing.Version > last.Version)
                    {
                        last = existing;
                    }
                }
            }
        }

        if (sameStream == pending.Events.Length)
        {
            return AppendOutcome.Succeeded(new AppendResult(last!.Version, last.Position, Duplicate: true));
        }

        if (found > 0)
        {
            // Appends are all-or-nothing, so a partial overlap cannot come from a retry: ids were reused.
            return AppendOutcome.Failed(new InvalidOperationException(
                $"Append to '{pending.StreamId}' conflicts: {found} of its {pending.Events.Length} event ids are already stored " +
                $"({found - sameStream} in other streams). Event ids must be unique; a retry must resend the same whole batch."));
        }

        var current = state.StreamVersions.GetValueOrDefault(pending.StreamId);
        if (pending.ExpectedVersion != ExpectedVersion.Any && pending.ExpectedVersion != current)
        {
            return AppendOutcome.Failed(new WrongExpectedVersionException(pending.StreamId, pending.ExpectedVersion, current));
        }

        return AppendOutcome.Write(current + 1);
    }

    private static void Merge(AppendBatchState from, AppendBatchState into)
    {
        foreach (var (streamId, version) in from.StreamVersions)
        {
            into.StreamVersions[streamId] = version;
        }

        foreach (var (eventId, existing) in from.Events)
        {
            into.Events[eventId] = existing;
        }
    }
}
