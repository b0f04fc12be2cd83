using System.Text.Json;
using Crm.Grains.Abstractions.Audit;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Audit;

/// <summary>
/// Turns a workspace's stored events into audit entries. <see cref="AuditScan"/> picks the page; then each stream on
/// the page is folded forward from its first event up to its last one on the page, so every change has the value it
/// replaced, which the event itself does not carry. Message events off the page are skipped unread: they set no field.
/// </summary>
internal sealed class AuditTrailReader(IEventStore store)
{
    public async Task<AuditPage> ReadAsync(string workspaceId, AuditQuery query, CancellationToken cancellationToken = default)
    {
        Ids.Require(workspaceId, "workspace");
        var selection = await new AuditScan(store).SelectAsync(workspaceId, query.Validate(), cancellationToken);
        var described = await DescribeAsync(selection, cancellationToken);
        var entries = selection.Events.Select(e => described[e.Position]).ToList();
        var names = await ActorNames.ResolveAsync(store, workspaceId, entries.Select(e => e.Actor), cancellationToken);
        return new AuditPage(
            entries.Select(e => names.TryGetValue(e.Actor, out var name) ? e with { ActorName = name } : e).ToList(),
            selection.Next,
            selection.Scanned);
    }

    private async Task<Dictionary<long, AuditEntry>> DescribeAsync(AuditSelection selection, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<long, AuditEntry>(selection.Events.Count);
        foreach (var page in selection.Events.GroupBy(e => e.StreamId, StringComparer.Ordinal))
        {
            var onPage = page.Select(e => e.Version).ToHashSet();
            var last = onPage.Max();
            var history = selection.Histories.TryGetValue(page.Key, out var read) ? read : await store.ReadStreamAsync(page.Key, 0, cancellationToken);
            var (_, category, id) = StreamIds.Parse(page.Key) ?? ("", "", page.Key);
            var fields = new AuditFields();
            foreach (var stored in history)
            {
                if (stored.Version > last) break;
                var wanted = onPage.Contains(stored.Version);
                if (!wanted && !AuditDescriptions.SetsFields(stored.Type)) continue;
                var description = Describe(stored, fields);
                var changes = fields.Apply(description.Sets);
                if (wanted)
                {
                    entries[stored.Position] = new AuditEntry(
                        stored.Position, stored.Timestamp, stored.Actor, null, category, id, stored.Version, stored.Type,
                        description.Action, description.Detail, changes);
                }
            }
        }
        return entries;
    }

    private static AuditDescription Describe(StoredEvent stored, AuditFields fields)
    {
        if (!EventSerializer.IsKnown(stored.Type)) return AuditDescriptions.Unnamed(stored.Type);
        try
        {
            return AuditDescriptions.Describe(EventSerializer.Deserialize(stored), fields);
        }
        catch (JsonException)
        {
            // A payload this build cannot read still shows who did what and when; the chain says whether it was altered.
            return AuditDescriptions.Unnamed(stored.Type) with { Detail = "payload unreadable" };
        }
    }
}
