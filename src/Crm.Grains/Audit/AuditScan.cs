using Crm.Grains.Abstractions.Audit;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;

namespace Crm.Grains.Audit;

/// <summary>
/// Picks a page of one workspace's events, newest first. With an entity id it reads that one stream (indexed by stream
/// id). Otherwise it walks the workspace's (or one category's) events backward from the cursor in batches through the
/// store's (workspace, category) index, so the store never reads another workspace's rows, and stops when the page is full, the log or the time
/// range ends, or a per-call budget of events is spent: a request costs at most that budget however long the log.
/// </summary>
internal sealed class AuditScan(IEventStore store)
{
    internal const int BatchSize = 500;

    /// <summary>Events read per call at most; a selective filter over a long history continues on the next call.</summary>
    internal const int Budget = 20_000;

    /// <summary>
    /// Positions follow commit order, timestamps are stamped just before (and by more than one silo's clock), so an
    /// event a little older than a later one can sit after it. The walk stops only this far past the range's start.
    /// </summary>
    internal static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<StoredEvent>> NoHistories = new Dictionary<string, IReadOnlyList<StoredEvent>>();

    public Task<AuditSelection> SelectAsync(string workspaceId, AuditQuery query, CancellationToken cancellationToken) =>
        query.EntityId is null ? WalkLogAsync(workspaceId, query, cancellationToken) : ReadEntityAsync(workspaceId, query, cancellationToken);

    private async Task<AuditSelection> ReadEntityAsync(string workspaceId, AuditQuery query, CancellationToken cancellationToken)
    {
        var streamId = StreamIds.For(query.Category!, workspaceId, query.EntityId!);
        var history = await store.ReadStreamAsync(streamId, 0, cancellationToken);
        var before = query.Before ?? long.MaxValue;
        var matching = history.Where(e => e.Position < before && Matches(e, query)).Reverse().ToList();
        var page = matching.Take(query.Limit).ToList();
        long? next = matching.Count > page.Count ? page[^1].Position : null;
        return new AuditSelection(page, next, history.Count, new Dictionary<string, IReadOnlyList<StoredEvent>> { [streamId] = history });
    }

    private async Task<AuditSelection> WalkLogAsync(string workspaceId, AuditQuery query, CancellationToken cancellationToken)
    {
        var filter = query.Category is null ? new EventFilter([], [], workspaceId) : EventFilter.ForCategories(workspaceId, query.Category);
        var floor = query.From is { } from && from.UtcTicks > ClockSlack.Ticks ? from - ClockSlack : (DateTimeOffset?)null;
        var cursor = query.Before ?? long.MaxValue;
        var selected = new List<StoredEvent>();
        var scanned = 0;
        while (true)
        {
            var batch = await store.ReadBackwardAsync(filter, cursor, BatchSize, cancellationToken);
            foreach (var stored in batch)
            {
                scanned++;
                cursor = stored.Position;
                if (stored.Timestamp < floor) return new AuditSelection(selected, null, scanned, NoHistories);
                if (!Matches(stored, query)) continue;
                selected.Add(stored);
                if (selected.Count == query.Limit) return new AuditSelection(selected, stored.Position, scanned, NoHistories);
            }

            if (batch.Count < BatchSize) return new AuditSelection(selected, null, scanned, NoHistories);
            if (scanned >= Budget) return new AuditSelection(selected, cursor, scanned, NoHistories);
        }
    }

    private static bool Matches(StoredEvent stored, AuditQuery query) =>
        AuditDescriptions.IsListed(stored.Type)
        && (query.Actor is null || string.Equals(stored.Actor, query.Actor, StringComparison.Ordinal))
        && (query.From is null || stored.Timestamp >= query.From)
        && (query.To is null || stored.Timestamp < query.To);
}
