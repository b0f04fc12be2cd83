using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Notifications;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Conversations;
using Crm.Grains.EventSourcing;
using Crm.Grains.Projections;
using Crm.Grains.Sla;

namespace Crm.Grains.Inbox;

/// <summary>
/// A workspace's inbox rows, projected from its conversation streams ("inbox/{workspace}"). It holds no stream of its
/// own: it resumes from its snapshot plus the tail of the store, takes one-way updates from conversation grains, and is
/// woken by commits to read on from its checkpoint, so an update lost in a silo crash still arrives.
/// </summary>
public sealed class InboxGrain(IEventStore store) : ProjectionGrain<InboxSnapshot>, IInboxGrain, IInboxUpdatesGrain
{
    private static readonly TimeSpan SlaClockRefresh = TimeSpan.FromSeconds(15);

    private Dictionary<string, ConversationSummary> _rows = [];

    // Each conversation's SLA fold, so a row folded from the store gets the same SLA columns as the one the conversation
    // grain announces. Live updates carry the grain's fold; it is rebuilt from the conversation's own stream only when
    // the fold here is not the one just before the event being folded (an update was lost).
    private Dictionary<string, ConversationSla> _sla = [];

    /// <summary>The stream version each SLA fold in <see cref="_sla"/> has reached (by the catch-up's folds or a live update).</summary>
    private Dictionary<string, long> _slaVersion = [];
    private readonly List<LiveFeedItem> _changed = [];
    private SlaClock? _slaClock;
    private DateTimeOffset _slaClockLoadedAt;
    private bool _publish;

    protected override string Kind => ProjectionKinds.Inbox;

    protected override int SnapshotSchema => 1;

    protected override EventFilter Filter => EventFilter.ForCategories(WorkspaceId, StreamIds.ConversationCategory);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // What the activation folded is no news to anyone; from now on, what the store adds is published.
        _changed.Clear();
        _publish = true;
        // A workspace's notification projection first starts with its inbox (both read its conversations); after its
        // first snapshot the waker finds it by itself. Not awaited: it folds on its own schedule.
        _ = GrainFactory.GetGrain<INotificationProjectionGrain>(WorkspaceId).WakeAsync();
    }

    /// <summary>
    /// The rows as of every commit before the call (as every answer here is): a page reads them when it opens or has
    /// fallen behind the feed, and an answer missing a commit whose live update is still on its way (or was lost) would
    /// leave that row stale on the page until the conversation changed again, since rows learnt live are never
    /// published from here.
    /// </summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(InboxQuery query)
    {
        await CatchUpAsync();
        var limit = Math.Clamp(query.Limit, 1, 500);
        return InboxFilter.Sort(_rows.Values.Where(r => InboxFilter.Matches(r, query)), query.Sort)
            .Take(limit)
            .ToList();
    }

    /// <summary>
    /// The counts as of every commit before the call. A page re-reads them when the feed brings it a row, and the feed
    /// can be faster than the conversation grain's one-way update to this grain: answered from the rows alone, the
    /// count read for a visitor's new message could be the one from before it, and stay so on the page (a browser test
    /// saw the row turn unread and the count stay put).
    /// </summary>
    public async Task<InboxCounts> CountAsync(string? agentId)
    {
        await CatchUpAsync();
        return InboxFilter.Count(_rows.Values, agentId);
    }

    public Task OnConversationChangedAsync(ConversationSummary summary, ConversationSla? sla)
    {
        if (summary.WorkspaceId != WorkspaceId) return Task.CompletedTask;
        Upsert(summary);
        // The fold moves forward only: an update arriving after the catch-up folded past it is older news.
        if (sla is not null && summary.Version > _slaVersion.GetValueOrDefault(summary.ConversationId))
        {
            _sla[summary.ConversationId] = sla;
            _slaVersion[summary.ConversationId] = summary.Version;
        }
        return Task.CompletedTask;
    }

    protected override InboxSnapshot TakeSnapshot() => new(new(_rows), new(_sla), new(_slaVersion));

    protected override void Restore(InboxSnapshot snapshot) =>
        (_rows, _sla, _slaVersion) = (snapshot.Rows, snapshot.Sla, snapshot.SlaVersion);

    protected override async Task ApplyAsync(StoredEvent stored)
    {
        var conversationId = StreamIds.Parse(stored.StreamId)!.Value.Id;
        _rows.TryGetValue(conversationId, out var current);
        // Most events already arrived as live updates: skip them without deserialising (at thousands of messages per
        // second a full decode of every event made 1–2 s grain turns, stalling a scheduler thread).
        if (current is not null && current.Version >= stored.Version) return;
        var @event = EventSerializer.Deserialize(stored);
        await RefreshSlaClockAsync();
        var sla = ConversationSla.Apply(await SlaFoldBeforeAsync(conversationId, stored.Version), @event);
        if (sla is not null) _sla[conversationId] = sla;
        _slaVersion[conversationId] = stored.Version;
        var next = ConversationSummaryProjection.Apply(current, @event, stored.Version, sla, _slaClock!);
        if (next is not null && Upsert(next)) _changed.Add(new ConversationFeedItem(next));
    }

    protected override async Task OnPageAppliedAsync(bool caughtUp)
    {
        if (_changed.Count == 0) return;
        LiveFeedItem[] items = [.. _changed];
        _changed.Clear();
        if (_publish) await GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync(items);
    }

    /// <summary>The workspace grain holds the one copy of the SLA settings: asked again when a row is folded a while later.</summary>
    private async Task RefreshSlaClockAsync()
    {
        if (_slaClock is not null && DateTimeOffset.UtcNow - _slaClockLoadedAt < SlaClockRefresh) return;
        _slaClock = await WorkspaceSlaClock.LoadAsync(GrainFactory, WorkspaceId, _slaClock);
        _slaClockLoadedAt = DateTimeOffset.UtcNow;
    }

    private bool Upsert(ConversationSummary summary)
    {
        if (_rows.TryGetValue(summary.ConversationId, out var known) && known.Version >= summary.Version)
            return false;
        _rows[summary.ConversationId] = summary;
        return true;
    }

    /// <summary>
    /// The conversation's SLA fold up to (not including) <paramref name="version"/>: the one kept here (live updates bring
    /// the conversation's own, see <see cref="OnConversationChangedAsync"/>), or when that is not the fold just before the
    /// event (an update lost), rebuilt from the conversation's own stream.
    /// </summary>
    private async Task<ConversationSla?> SlaFoldBeforeAsync(string conversationId, long version)
    {
        if (_slaVersion.GetValueOrDefault(conversationId) == version - 1) return _sla.GetValueOrDefault(conversationId);
        ConversationSla? fold = null;
        var streamId = StreamIds.For(StreamIds.ConversationCategory, WorkspaceId, conversationId);
        foreach (var earlier in await store.ReadStreamAsync(streamId, 0))
        {
            if (earlier.Version >= version) break;
            fold = ConversationSla.Apply(fold, EventSerializer.Deserialize(earlier));
        }
        return fold;
    }
}
