namespace Crm.Silo.Infrastructure.Audit;

/// <summary>
/// Recomputes every workspace's chain from the stored rows, in position order, and reports the first broken link per
/// workspace. A row is checked twice: its hash against its own columns (was it edited?), then its prev_hash against the
/// hash of the workspace's previous row (was a row removed, inserted or reordered?).
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditReport> VerifyAsync(IAuditChainReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var heads = await reader.ReadHeadsAsync(cancellationToken).ConfigureAwait(false);
        var workspaces = new Dictionary<string, WorkspaceChainState>(StringComparer.Ordinal);
        await foreach (var record in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var workspace = AuditChain.WorkspaceOf(record.StreamId);
            if (!workspaces.TryGetValue(workspace, out var state))
            {
                state = new WorkspaceChainState();
                workspaces[workspace] = state;
            }

            Check(state, record);
        }

        foreach (var head in heads)
        {
            if (!workspaces.TryGetValue(head.Workspace, out var state))
            {
                // Every row of a workspace that once had a chain is gone.
                state = new WorkspaceChainState();
                workspaces[head.Workspace] = state;
            }

            if (state.Break is null && (state.LastPosition < head.Position || (state.LastPosition == head.Position && state.LastHash != head.Hash)))
            {
                state.Break = new AuditBreak(
                    AuditBreakKind.Truncated,
                    head.Position,
                    state.LastStreamId ?? "(none)",
                    state.LastVersion,
                    $"the store recorded head position {head.Position} hash {head.Hash}; the last hashed row is at position {state.LastPosition}");
            }
        }

        return new AuditReport(workspaces
            .OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => new WorkspaceAuditResult(w.Key, w.Value.Checked, w.Value.BeforeChain, w.Value.Break))
            .ToList());
    }

    private static void Check(WorkspaceChainState state, AuditRecord record)
    {
        if (state.Break is not null)
        {
            // Past the first break nothing more about this workspace can be trusted or is needed.
            return;
        }

        if (record.Hash is null)
        {
            if (state.LastHash is null)
            {
                // Written before the chain existed: nothing vouches for it, so it is counted apart, not called tampering.
                state.BeforeChain++;
                return;
            }

            state.Checked++;
            state.Break = new AuditBreak(AuditBreakKind.HashMissing, record.Position, record.StreamId, record.Version, "the row has no hash although earlier rows of its workspace do");
            return;
        }

        state.Checked++;
        var prevHash = record.PrevHash ?? string.Empty;
        var recomputed = AuditChain.Hash(
            prevHash,
            record.StreamId,
            record.Version,
            record.EventId,
            record.Type,
            record.Data,
            record.Actor,
            record.TimestampMicroseconds,
            record.Position);
        if (!string.Equals(recomputed, record.Hash, StringComparison.Ordinal))
        {
            state.Break = new AuditBreak(AuditBreakKind.RowContentChanged, record.Position, record.StreamId, record.Version, $"stored hash {record.Hash}, recomputed {recomputed}");
            return;
        }

        var expectedPrev = state.LastHash ?? AuditChain.Genesis;
        if (!string.Equals(prevHash, expectedPrev, StringComparison.Ordinal))
        {
            state.Break = new AuditBreak(AuditBreakKind.LinkBroken, record.Position, record.StreamId, record.Version, $"prev_hash {prevHash}, but the previous row of the workspace hashes to {expectedPrev}");
            return;
        }

        state.LastHash = record.Hash;
        state.LastPosition = record.Position;
        state.LastStreamId = record.StreamId;
        state.LastVersion = record.Version;
    }
}
