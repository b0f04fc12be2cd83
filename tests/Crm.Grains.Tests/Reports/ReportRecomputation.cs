using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Tests.Reports;

/// <summary>
/// Every report figure recomputed from a workspace's raw stored events, written from the definitions' words and apart
/// from the projection's code: each conversation's history is kept whole and questioned afterwards (the projection
/// folds as it goes), and business time is counted by <see cref="WeekdayOfficeHours"/>.
/// </summary>
internal sealed class ReportRecomputation
{
    private readonly List<History> _conversations = [];
    private readonly Dictionary<string, string> _agentNames = [];

    public ReportRecomputation(IEnumerable<StoredEvent> workspaceConversationEvents)
    {
        var byStream = new Dictionary<string, History>();
        foreach (var stored in workspaceConversationEvents.OrderBy(e => e.Position))
        {
            var @event = EventSerializer.Deserialize(stored);
            if (@event is ConversationOpened opened) _conversations.Add(byStream[stored.StreamId] = new History(opened));
            else if (byStream.TryGetValue(stored.StreamId, out var history)) history.Events.Add(@event);
            if (@event is ConversationAssigned { AgentId: { } id, AgentName: { } name }) _agentNames[id] = name;
        }
    }

    public sealed record Figures(
        int Opened, int Resolved, DurationMetric FirstResponse, DurationMetric NextResponse, DurationMetric Resolution,
        int ReopenedConversations, int Reopens, IReadOnlyList<VolumeRow> Volume, CsatRow Csat, IReadOnlyList<CsatRow> CsatByAgent);

    public Figures For(ReportQuery query)
    {
        bool In(DateTimeOffset t) => t >= query.From && t < query.To;
        var selected = _conversations.Where(c =>
            (query.Channel is null || c.Opened.Channel == query.Channel)
            && (query.QueueId is null || c.Opened.QueueId == query.QueueId)
            && (query.AgentId is null || c.Agent() == query.AgentId)
            && (query.Label is null || c.Labels().Contains(query.Label))).ToList();

        var waits = selected.Select(c => c.Waits()).ToList();
        var first = waits.Select(w => w.FirstOrDefault()).Where(w => w is { IsFirst: true, RepliedAt: { } at } && In(at)).Select(w => (w!.Since, w.RepliedAt!.Value));
        var next = waits.SelectMany(w => w.Where(x => !x.IsFirst && x.RepliedAt is { } at && In(at))).Select(w => (w.Since, w.RepliedAt!.Value));
        var resolved = selected.Where(c => c.ResolvedAt() is { } at && In(at)).ToList();
        var opened = selected.Where(c => In(c.Opened.At)).ToList();
        var ratings = selected.Where(c => c.Rating() is { } r && In(r.At)).Select(c => (c.Rating()!.Score, Agent: c.RatedAgent())).ToList();

        return new Figures(
            opened.Count,
            resolved.Count,
            Metric(first),
            Metric(next),
            Metric(resolved.Select(c => (c.Opened.At, c.ResolvedAt()!.Value))),
            resolved.Count(c => c.Reopens() > 0),
            resolved.Sum(c => c.Reopens()),
            [.. Volume(opened, resolved)],
            Csat("", "All agents", ratings.Select(r => r.Score)),
            [.. ratings.GroupBy(r => r.Agent ?? "").Select(g => Csat(g.Key, AgentName(g.Key), g.Select(r => r.Score)))]);
    }

    private IEnumerable<VolumeRow> Volume(List<History> opened, List<History> resolved)
    {
        IEnumerable<VolumeRow> Rows(ReportDimension dimension, Func<History, IEnumerable<(string Key, string Name)>> values) =>
            opened.SelectMany(values).Concat(resolved.SelectMany(values)).Distinct().Select(v => new VolumeRow(
                dimension, v.Key, v.Name, opened.Count(c => values(c).Contains(v)), resolved.Count(c => values(c).Contains(v))));

        return Rows(ReportDimension.Channel, c => [(ChannelKey(c.Opened.Channel), ChannelName(c.Opened.Channel))])
            .Concat(Rows(ReportDimension.Queue, c => [(c.Opened.QueueId ?? "", c.Opened.QueueId ?? "No queue")]))
            .Concat(Rows(ReportDimension.Agent, c => [(c.Agent() ?? "", AgentName(c.Agent() ?? ""))]))
            .Concat(Rows(ReportDimension.Label, c => c.Labels().Count == 0 ? [("", "No label")] : c.Labels().Select(l => (l, l))));
    }

    private string AgentName(string id) => id == "" ? "Unassigned" : _agentNames.GetValueOrDefault(id, id);

    private static string ChannelKey(Channel channel) => channel switch
    {
        Channel.Chat => "chat", Channel.Email => "email", Channel.WebForm => "web-form", Channel.Api => "api", _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    private static string ChannelName(Channel channel) => channel switch
    {
        Channel.Chat => "Chat", Channel.Email => "Email", Channel.WebForm => "Web form", Channel.Api => "API", _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    private static CsatRow Csat(string key, string name, IEnumerable<int> scores)
    {
        var all = scores.ToList();
        if (all.Count == 0) return new CsatRow(key, name, 0, 0, null, null);
        var satisfied = all.Count(s => s is 4 or 5);
        return new CsatRow(key, name, all.Count, satisfied,
            Math.Round((double)all.Sum() / all.Count, 2, MidpointRounding.AwayFromZero),
            Math.Round(satisfied * 100.0 / all.Count, 1, MidpointRounding.AwayFromZero));
    }

    private static DurationMetric Metric(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> spans)
    {
        var list = spans.ToList();
        return new DurationMetric(
            Summary(list.Select(s => s.To - s.From)),
            Summary(list.Select(s => WeekdayOfficeHours.Between(s.From, s.To))));
    }

    private static DurationSummary Summary(IEnumerable<TimeSpan> durations)
    {
        var seconds = durations.Select(d => (long)Math.Floor(Math.Max(0m, (decimal)d.Ticks / TimeSpan.TicksPerSecond))).Order().ToList();
        if (seconds.Count == 0) return new DurationSummary(0, null, null, null);
        long Rank(decimal share) => seconds[(int)Math.Ceiling(share * seconds.Count) - 1];
        return new DurationSummary(seconds.Count, (long)Math.Floor(seconds.Sum() / (decimal)seconds.Count), Rank(0.5m), Rank(0.9m));
    }

    private sealed record Wait(DateTimeOffset Since, DateTimeOffset? RepliedAt, bool IsFirst);

    /// <summary>One conversation's whole history, questioned after the fact.</summary>
    private sealed class History(ConversationOpened opened)
    {
        public ConversationOpened Opened { get; } = opened;
        public List<DomainEvent> Events { get; } = [];

        private IEnumerable<ConversationStatusChanged> StatusChanges => Events.OfType<ConversationStatusChanged>();

        private static bool IsResolved(ConversationStatus status) => status is ConversationStatus.Resolved or ConversationStatus.Closed;

        /// <summary>Every wait: opened by a customer message while none is open, closed by a human reply or by resolving.</summary>
        public List<Wait> Waits()
        {
            var waits = new List<Wait>();
            DateTimeOffset? open = null;
            foreach (var e in Events)
            {
                var isCustomer = e is MessagePosted { Kind: MessageKind.Message, Author.Kind: AuthorKind.Customer };
                var isHumanReply = e is MessagePosted { Kind: MessageKind.Message, Author.Kind: AuthorKind.Agent };
                var resolves = e is ConversationStatusChanged s && IsResolved(s.To);
                if (isCustomer && open is null) open = e.At;
                else if ((isHumanReply || resolves) && open is { } since)
                {
                    waits.Add(new Wait(since, isHumanReply ? e.At : null, waits.Count == 0));
                    open = null;
                }
            }
            return waits;
        }

        /// <summary>The start of the trailing run of resolved/closed statuses, if the conversation ends in one.</summary>
        public DateTimeOffset? ResolvedAt() => ResolutionEvent()?.At;

        public int Reopens() => StatusChanges.Count(s => s.From == ConversationStatus.Resolved && !IsResolved(s.To));

        public HashSet<string> Labels()
        {
            var labels = new HashSet<string>();
            foreach (var change in Events.OfType<ConversationLabelsChanged>())
            {
                labels.UnionWith(change.Added);
                labels.ExceptWith(change.Removed);
            }
            return labels;
        }

        public string? Agent() => ResolutionEvent() is { } resolution ? AssigneeBefore(resolution) : AssigneeBefore(null);

        public ConversationRated? Rating() => Events.OfType<ConversationRated>().SingleOrDefault();

        /// <summary>The assignee when the resolved stretch the rating was given in began.</summary>
        public string? RatedAgent()
        {
            var rating = Rating()!;
            var before = Events.TakeWhile(e => !ReferenceEquals(e, rating)).ToList();
            var stretchStart = before.OfType<ConversationStatusChanged>().Reverse().TakeWhile(s => IsResolved(s.To)).LastOrDefault();
            return AssigneeBefore(stretchStart);
        }

        private ConversationStatusChanged? ResolutionEvent()
        {
            var trailing = StatusChanges.Reverse().TakeWhile(s => IsResolved(s.To)).ToList();
            return trailing.Count == 0 ? null : trailing[^1];
        }

        /// <summary>The last assignment before <paramref name="event"/> (or ever, when null).</summary>
        private string? AssigneeBefore(DomainEvent? @event) =>
            Events.TakeWhile(e => !ReferenceEquals(e, @event)).OfType<ConversationAssigned>().LastOrDefault()?.AgentId;
    }
}
