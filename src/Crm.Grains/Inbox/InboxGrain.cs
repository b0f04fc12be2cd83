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

    private readonly Dictionary<string, ConversationSummary> _rows = [];

    // Each conversation's SLA fold, so a row folded from the store gets the same SLA columns as the one the conversation
    // grain announces; rebuilt from the conversation's own stream when live updates moved the row past it.
    private readonly Dictionary<string, ConversationSla> _sla = [];

    /// <summary>The stream version each SLA fold in <see cref="_sla"/> has reached (live updates do not move it).</summary>
    private readonly Dictionary<string, long> _slaVersion = [];
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

    /// <summary>
    /// The conversation's SLA fold up to (not including) <paramref name="version"/>. Usually the one kept here; when live
    /// updates moved the row on without it (the common case), it is rebuilt from that conversation's own stream, which
    /// happens only when a live update was lost, so it stays rare.
    /// </summary>
    private async Task<ConversationSla?> SlaFoldBeforeAsync(string conversationId, long version, CancellationToken cancellationToken)
    {
        if (_slaVersion.GetValueOrDefault(conversationId) == version - 1) return _sla.GetValueOrDefault(conversationId);
        ConversationSla? fold = null;
        var streamId = StreamIds.For(StreamIds.ConversationCategory, WorkspaceId, conversationId);
        foreach (var earlier in await store.ReadStreamAsync(streamId, 0, cancellationToken))
        {
            if (earlier.Version >= version) break;
            fold = ConversationSla.Apply(fold, EventSerializer.Deserialize(earlier));
        }
        return fold;
    }

    private async Task CatchUpAsync(bool publish, CancellationToken cancellationToken)
    {
        var prefix = StreamIds.CategoryPrefix(StreamIds.ConversationCategory, WorkspaceId);
        // Refreshed per catch-up: the workspace grain holds the one copy of the SLA settings.
        _slaClock = await WorkspaceSlaClock.LoadAsync(GrainFactory, WorkspaceId, _slaClock);
        var changed = new List<LiveFeedItem>();
        await foreach (var stored in store.ReadAfterAsync(_checkpoint, prefix, cancellationToken: cancellationToken))
        {
            var conversationId = stored.StreamId[prefix.Length..];
            _rows.TryGetValue(conversationId, out var current);
            // Most events already arrived as live updates: skip them without deserialising (at thousands of
            // messages per second a full decode of every event made 1–2 s grain turns, stalling a scheduler thread).
            if (current is null || current.Version < stored.Version)
            {
                var @event = EventSerializer.Deserialize(stored);
                var sla = ConversationSla.Apply(await SlaFoldBeforeAsync(conversationId, stored.Version, cancellationToken), @event);
                if (sla is not null) _sla[conversationId] = sla;
                _slaVersion[conversationId] = stored.Version;
                var next = ConversationSummaryProjection.Apply(current, @event, stored.Version, sla, _slaClock);
                if (next is not null && Upsert(next)) changed.Add(new ConversationFeedItem(next));
            }
            _checkpoint = stored.Position;
        }
        if (publish && changed.Count > 0)
            await GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync([.. changed]);
    }
}
