using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.Audit;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// Commit planning for one group commit: decides every append of a batch against the state read under the
/// transaction's lock (idempotency, then the expected version), reserves positions, links each event into its
/// workspace's audit chain and sends the writes. The <see cref="GroupCommitter"/> owns the queue and the transaction.
/// </summary>
internal static class CommitPlanner
{
    /// <summary>Position of an event planned in the current pass but not inserted yet; real positions start at 1.</summary>
    private const long Unwritten = 0;

    /// <summary>
    /// Decides the appends in arrival order against the state read under the transaction's lock, tracking in memory
    /// what earlier appends of the batch wrote, and sends the resulting writes in one go. Normally that is one pass;
    /// a write refused by a unique constraint (a writer outside this process) ends the pass: what the rest of the batch
    /// depends on is read again and deciding resumes after the refused append.
    /// Each written event extends its workspace's audit chain in commit order; the lock held by the transaction makes the
    /// heads read at its start the true ones, and the heads are recorded again before it commits.
    /// Returns the highest position written (0 when the batch wrote nothing).
    /// </summary>
    public static async Task<long> DecideAndWriteAsync(IAppendTransaction transaction, List<PendingAppend> batch, AppendOutcome[] outcomes)
    {
        var state = await transaction.ReadStateAsync(
            batch.Select(p => p.StreamId).ToHashSet(),
            batch.SelectMany(p => p.Events).Select(e => e.EventId).ToHashSet(),
            batch.Select(p => AuditChain.WorkspaceOf(p.StreamId)).ToHashSet(StringComparer.Ordinal),
            CancellationToken.None).ConfigureAwait(false);
        var movedHeads = new Dictionary<string, AuditChainHead>(StringComparer.Ordinal);

        var next = 0;
        while (next < batch.Count)
        {
            var decided = new List<(string StreamId, long FirstVersion, EventData[] Events)>();
            var owners = new List<int>();
            var end = next;
            for (; end < batch.Count; end++)
            {
                var pending = batch[end];

                // Ids written earlier in this pass have no position yet: decide this append in the next pass.
                if (decided.Count > 0 && pending.Events.Any(e => state.Events.TryGetValue(e.EventId, out var known) && known.Position == Unwritten))
                {
                    break;
                }

                outcomes[end] = Decide(state, pending);
                if (outcomes[end].WriteAtVersion is { } firstVersion)
                {
                    decided.Add((pending.StreamId, firstVersion, pending.Events));
                    owners.Add(end);
                    Track(state, pending, firstVersion, positions: null);
                }
            }

            var writes = decided.Count == 0 ? [] : await ChainAsync(transaction, state, decided).ConfigureAwait(false);
            var inserted = writes.Count == 0
                ? new InsertResult([], null)
                : await transaction.InsertAsync(writes, CancellationToken.None).ConfigureAwait(false);
            for (var w = 0; w < inserted.Positions.Count; w++)
            {
                var owner = owners[w];
                var positions = inserted.Positions[w];
                Track(state, batch[owner], writes[w].FirstVersion, positions);
                outcomes[owner] = AppendOutcome.Succeeded(new AppendResult(writes[w].FirstVersion + positions.Length - 1, positions[^1], Duplicate: false));

                // Only writes that went in move a chain: a refused write's hashes are forgotten with it.
                var workspace = AuditChain.WorkspaceOf(writes[w].StreamId);
                state.ChainHeads[workspace] = writes[w].Hashes[^1];
                movedHeads[workspace] = new AuditChainHead(workspace, positions[^1], writes[w].Hashes[^1]);
            }

            if (inserted.RefusedIndex is not { } refusedWrite)
            {
                next = end;
                continue;
            }

            // Forget the guesses made for the refused append and everything after it, read the truth (our own
            // earlier inserts included), and decide the refused one again: it becomes a duplicate or a conflict.
            var refused = owners[refusedWrite];
            var rest = batch.Skip(refused).ToList();
            foreach (var pending in rest)
            {
                state.StreamVersions.Remove(pending.StreamId);
                foreach (var e in pending.Events)
                {
                    state.Events.Remove(e.EventId);
                }
            }

            // The chain heads need no second read: under the lock only this transaction extends them.
            var fresh = await transaction.ReadStateAsync(
                rest.Select(p => p.StreamId).ToHashSet(),
                rest.SelectMany(p => p.Events).Select(e => e.EventId).ToHashSet(),
                [],
                CancellationToken.None).ConfigureAwait(false);
            Merge(fresh, state);
            outcomes[refused] = Decide(state, batch[refused]);
            if (outcomes[refused].WriteAtVersion is { } version)
            {
                outcomes[refused] = AppendOutcome.Failed(new InvalidOperationException(
                    $"Append to '{batch[refused].StreamId}' at version {version} was refused by a unique constraint; retry it."));
            }

            next = refused + 1;
        }

        if (movedHeads.Count == 0)
        {
            return 0;
        }

        // Every write moves its workspace's head, so the highest head is the highest position written.
        var logHead = movedHeads.Values.Max(h => h.Position);
        await transaction.SaveHeadsAsync(movedHeads.Values, logHead, CancellationToken.None).ConfigureAwait(false);
        return logHead;
    }

    /// <summary>
    /// Reserves positions for the pass's writes and links every event to the previous one of its workspace, in the
    /// order they will be inserted (which is commit order). Heads move in a scratch map: the batch state only takes
    /// the hashes of writes that actually went in.
    /// </summary>
    private static async Task<List<PlannedWrite>> ChainAsync(
        IAppendTransaction transaction,
        AppendBatchState state,
        List<(string StreamId, long FirstVersion, EventData[] Events)> decided)
    {
        var reserved = await transaction.ReservePositionsAsync(decided.Sum(d => d.Events.Length), CancellationToken.None).ConfigureAwait(false);
        var heads = new Dictionary<string, string>(state.ChainHeads, StringComparer.Ordinal);
        var writes = new List<PlannedWrite>(decided.Count);
        var r = 0;
        foreach (var (streamId, firstVersion, events) in decided)
        {
            var workspace = AuditChain.WorkspaceOf(streamId);
            var prev = heads.GetValueOrDefault(workspace, AuditChain.Genesis);
            var positions = new long[events.Length];
            var prevHashes = new string[events.Length];
            var hashes = new string[events.Length];
            for (var i = 0; i < events.Length; i++)
            {
                var e = events[i];
                positions[i] = reserved[r++];
                prevHashes[i] = prev;
                hashes[i] = AuditChain.Hash(
                    prev,
                    streamId,
                    firstVersion + i,
                    e.EventId,
                    e.Type,
                    e.Data,
                    e.Actor,
                    SqliteEventStore.ToUnixMicroseconds(e.Timestamp),
                    positions[i]);
                prev = hashes[i];
            }

            heads[workspace] = prev;
            writes.Add(new PlannedWrite(streamId, StreamColumns.Of(streamId), firstVersion, events, positions, prevHashes, hashes));
        }

        return writes;
    }

    /// <summary>Records an append's events in the batch state; without positions they are marked as not yet written.</summary>
    private static void Track(AppendBatchState state, PendingAppend pending, long firstVersion, long[]? positions)
    {
        state.StreamVersions[pending.StreamId] = firstVersion + pending.Events.Length - 1;
        for (var i = 0; i < pending.Events.Length; i++)
        {
            state.Events[pending.Events[i].EventId] = new ExistingEvent(pending.StreamId, firstVersion + i, positions?[i] ?? Unwritten);
        }
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
