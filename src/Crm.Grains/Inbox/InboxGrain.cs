using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Conversations;
using Crm.Grains.EventSourcing;
using Crm.Grains.Sla;

namespace Crm.Grains.Inbox;

/// <summary>
/// A workspace's inbox rows, projected from its conversation streams. It holds no stream of its own: it rebuilds
/// from the store on activation, takes one-way updates from conversation grains, and re-reads the store from its
/// checkpoint every <see cref="CatchUpPeriod"/> so an update lost in a silo crash still arrives.
/// </summary>
public sealed class InboxGrain(IEventStore store) : Grain, IInboxGrain
{
    private static readonly TimeSpan CatchUpPeriod = TimeSpan.FromSeconds(15);
    private const int PageSize = 2_000;

    private readonly Dictionary<string, ConversationSummary> _rows = [];

    // Each conversation's SLA fold, fed every stored event (also those whose row a live update already brought), so
    // the row folded from the store gets the same SLA columns as the one the conversation grain announces.
    private readonly Dictionary<string, ConversationSla> _sla = [];
    private SlaClock? _slaClock;
    private long _checkpoint;

    private string WorkspaceId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await CatchUpAsync(publish: false, cancellationToken);
        this.RegisterGrainTimer(_ => CatchUpAsync(publish: true, CancellationToken.None),
            new GrainTimerCreationOptions(CatchUpPeriod, CatchUpPeriod) { KeepAlive = false });
    }

    public Task<IReadOnlyList<ConversationSummary>> ListAsync(InboxQuery query)
    {
        var limit = Math.Clamp(query.Limit, 1, 500);
        IReadOnlyList<ConversationSummary> rows = InboxFilter.Sort(_rows.Values.Where(r => InboxFilter.Matches(r, query)), query.Sort)
            .Take(limit)
            .ToList();
        return Task.FromResult(rows);
    }

    public Task<InboxCounts> CountAsync(string? agentId) => Task.FromResult(InboxFilter.Count(_rows.Values, agentId));

    public Task OnConversationChangedAsync(ConversationSummary summary)
    {
        if (summary.WorkspaceId == WorkspaceId) Upsert(summary);
        return Task.CompletedTask;
    }

    private bool Upsert(ConversationSummary summary)
    {
        if (_rows.TryGetValue(summary.ConversationId, out var known) && known.Version >= summary.Version)
            return false;
        _rows[summary.ConversationId] = summary;
        return true;
    }

    private async Task CatchUpAsync(bool publish, CancellationToken cancellationToken)
    {
        var prefix = StreamIds.CategoryPrefix(StreamIds.ConversationCategory, WorkspaceId);
        // Refreshed per catch-up: the workspace grain holds the one copy of the SLA settings.
        _slaClock = await WorkspaceSlaClock.LoadAsync(GrainFactory, WorkspaceId, _slaClock);
        var changed = new List<LiveFeedItem>();
        while (true)
        {
            var page = await store.ReadAllAsync(_checkpoint, PageSize, prefix, cancellationToken);
            foreach (var stored in page)
            {
                var conversationId = stored.StreamId[prefix.Length..];
                var @event = EventSerializer.Deserialize(stored);
                var sla = ConversationSla.Apply(_sla.GetValueOrDefault(conversationId), @event);
                if (sla is not null) _sla[conversationId] = sla;
                _rows.TryGetValue(conversationId, out var current);
                if (current is null || current.Version < stored.Version)
                {
                    var next = ConversationSummaryProjection.Apply(current, @event, stored.Version, sla, _slaClock);
                    if (next is not null && Upsert(next)) changed.Add(new ConversationFeedItem(next));
                }
                _checkpoint = stored.Position;
            }
            if (page.Count < PageSize) break;
        }
        if (publish && changed.Count > 0)
            await GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync([.. changed]);
    }
}
