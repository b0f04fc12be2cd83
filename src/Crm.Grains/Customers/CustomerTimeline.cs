using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.FollowUps;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Customers.Events;
using Crm.Grains.Deals;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers;

/// <summary>
/// Gathers a customer's timeline: its own stream and those of the records merged into it (every event of both is kept),
/// its conversations, its deals' steps and its follow-ups. Read on demand; nothing of it is stored twice.
/// </summary>
internal sealed class CustomerTimeline(IEventStore store, IGrainFactory grains, string workspaceId)
{
    public async Task<List<TimelineEntry>> CollectAsync(string customerId, CustomerState state)
    {
        var entries = new List<TimelineEntry>();
        foreach (var id in state.MergedIds.Prepend(customerId))
            entries.AddRange(await ReadStreamAsync(store, StreamIds.For(StreamIds.CustomerCategory, workspaceId, id)));
        foreach (var conversationId in state.ConversationIds)
        {
            try
            {
                var c = await grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(workspaceId, conversationId)).GetDetailsAsync();
                entries.Add(new TimelineEntry(c.OpenedAt, TimelineKinds.Conversation, $"Conversation on {c.Channel.ToString().ToLowerInvariant()}: {c.Subject ?? "(no subject)"}",
                    $"{c.Status.ToString().ToLowerInvariant()}, {c.LastSeq} messages", c.CustomerName, c.ConversationId));
            }
            catch (DomainException)
            {
                // Linked but never opened (an API caller's id): nothing to show.
            }
        }
        var ids = state.MergedIds.Prepend(customerId).ToList();
        var deals = await grains.GetGrain<IDealBoardGrain>(workspaceId).ListAsync(DealQuery.ForContact(customerId));
        foreach (var deal in deals)
        foreach (var stored in await store.ReadStreamAsync(StreamIds.For(StreamIds.DealCategory, workspaceId, deal.DealId)))
            if (DealTimeline.Describe(EventSerializer.Deserialize(stored), deal) is { } entry) entries.Add(entry);
        foreach (var id in ids)
        foreach (var f in await grains.GetGrain<IFollowUpListGrain>(workspaceId).ListAsync(FollowUpQuery.ForCustomer(id) with { IncludeDone = true }))
        {
            entries.Add(new TimelineEntry(f.CreatedAt, TimelineKinds.FollowUp, $"Follow-up: {f.Title}", $"due {f.DueAt:yyyy-MM-dd HH:mm} UTC, owner {f.OwnerId}", f.CreatedBy, f.FollowUpId));
            if (f.CompletedAt is { } done)
                entries.Add(new TimelineEntry(done, TimelineKinds.FollowUp, $"Follow-up done: {f.Title}", null, f.CompletedBy ?? "", f.FollowUpId));
        }
        return entries;
    }

    public static async Task<List<TimelineEntry>> ReadStreamAsync(IEventStore store, string streamId) =>
        [.. (await store.ReadStreamAsync(streamId)).Select(s => Describe(EventSerializer.Deserialize(s))).OfType<TimelineEntry>()];

    private static TimelineEntry? Describe(DomainEvent @event) => @event switch
    {
        CustomerUpserted e => Entry(e, TimelineKinds.Profile, "Profile saved", string.Join(", ", new[] { e.Name, e.Email, e.Phone, e.CompanyName }.OfType<string>())),
        CustomerCompanyChanged e => Entry(e, TimelineKinds.Profile, e.CompanyId is null ? "Company removed" : "Company set", e.CompanyId),
        CustomerOwnerChanged e => Entry(e, TimelineKinds.Profile, e.OwnerId is null ? "Owner removed" : "Owner set", e.OwnerId),
        CustomerTagsChanged e => Entry(e, TimelineKinds.Profile, "Tags changed",
            string.Join(" ", e.Added.Select(t => $"+{t}").Concat(e.Removed.Select(t => $"−{t}")))),
        CustomerAttributesChanged e => Entry(e, TimelineKinds.Attribute, "Attributes changed",
            string.Join("; ", e.Set.Select(kv => $"{kv.Key} = {kv.Value}").Concat(e.Removed.Select(k => $"{k} cleared")))),
        CustomerActivityLogged e => Entry(e, TimelineKinds.Activity, e.Kind.ToString(), e.Text, e.ActivityId),
        CustomerMerged e => Entry(e, TimelineKinds.Merge, $"Merged with {e.MergedId}", $"{e.ConversationIds.Count} conversations moved", e.MergedId),
        CustomerMergedInto e => Entry(e, TimelineKinds.Merge, $"Merged into {e.SurvivorId}", null, e.SurvivorId),
        _ => null,
    };

    private static TimelineEntry Entry(DomainEvent e, string kind, string title, string? detail, string? refId = null) =>
        new(e.At, kind, title, string.IsNullOrEmpty(detail) ? null : detail, e.By, refId);
}
