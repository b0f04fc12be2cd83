using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Queues;
using Crm.Grains.Abstractions.Routing;

namespace Crm.Web.Services;

/// <summary>
/// One supervisor's live board: the router's queues and agents and the inbox rows (for SLA risk), seeded once and then
/// kept current by live feed items alone. Waits are computed from each item's arrival, so the figures tick with the
/// clock without asking the router again. Not thread-safe: it lives on one circuit's dispatcher.
/// </summary>
public sealed class SupervisorBoard
{
    /// <summary>An SLA due this soon counts as at risk.</summary>
    public static readonly TimeSpan AtRiskWithin = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, QueueDetails> _queues = [];
    private readonly Dictionary<string, AgentWorkloadSummary> _agents = [];
    private readonly Dictionary<string, ConversationSummary> _rows = [];
    private readonly DateTimeOffset _seededAt;

    public SupervisorBoard(BoardDetails board, IEnumerable<ConversationSummary> rows, DateTimeOffset now)
    {
        _seededAt = now;
        foreach (var queue in board.Queues) _queues[queue.QueueId] = queue;
        foreach (var agent in board.Agents) _agents[agent.AgentId] = agent;
        foreach (var row in rows)
        {
            _rows[row.ConversationId] = row;
            if (row.OpenedAt >= now - VolumeSeries.Span) Volume.CountOpened(row.OpenedAt);
        }
        SampleWait(now);
    }

    public VolumeSeries Volume { get; } = new();

    public IEnumerable<QueueDetails> Queues => _queues.Values.OrderBy(q => q.QueueId, StringComparer.Ordinal);

    public IEnumerable<AgentWorkloadSummary> Agents => _agents.Values.OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase);

    public ConversationSummary? Row(string conversationId) => _rows.GetValueOrDefault(conversationId);

    /// <summary>Takes one live item; true when the board shows something new.</summary>
    public bool Apply(LiveFeedItem item, DateTimeOffset now)
    {
        switch (item)
        {
            case QueueFeedItem q when q.Queue.AsOf >= (_queues.GetValueOrDefault(q.Queue.QueueId)?.AsOf ?? default):
                _queues[q.Queue.QueueId] = q.Queue;
                SampleWait(now);
                return true;
            case AgentWorkloadFeedItem a:
                _agents[a.Agent.AgentId] = a.Agent;
                return true;
            case ConversationFeedItem c:
                var known = _rows.GetValueOrDefault(c.Summary.ConversationId);
                if (known is not null && known.Version >= c.Summary.Version) return false;
                // New since the board opened: the seed counted everything older.
                if (known is null && c.Summary.OpenedAt >= _seededAt) Volume.CountOpened(c.Summary.OpenedAt);
                _rows[c.Summary.ConversationId] = c.Summary;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A queue's figures at <paramref name="now"/>; waits count from when each item last started waiting.</summary>
    public QueueFigures Figures(QueueDetails queue, DateTimeOffset now)
    {
        var waits = queue.Waiting.Select(w => Wait(w, now)).ToList();
        var active = _rows.Values.Where(r => r.QueueId == queue.QueueId && IsActive(r.Status)).ToList();
        var agents = _agents.Values.Where(a => queue.Policy?.TeamId is not { } team || a.Teams.Contains(team)).ToList();
        return new QueueFigures(
            queue.QueueId,
            waits.Count,
            waits.Count == 0 ? TimeSpan.Zero : waits.Max(),
            waits.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)waits.Average(w => w.Ticks)),
            active.Count(r => !r.SlaBreached && r.SlaDueAt is { } due && due - now <= AtRiskWithin),
            active.Count(r => r.SlaBreached),
            agents.Count(a => a.Status == AgentStatus.Online),
            agents.Count(a => a.Status == AgentStatus.Away),
            agents.Count(a => a.Status == AgentStatus.Busy),
            agents.Where(a => a.Status != AgentStatus.Offline).Sum(a => a.ChatLoad + a.TicketLoad),
            agents.Where(a => a.Status != AgentStatus.Offline).Sum(a => a.ChatCapacity + a.TicketCapacity));
    }

    public static TimeSpan Wait(QueuedConversation item, DateTimeOffset now)
    {
        var since = item.WaitingSince == default ? item.EnqueuedAt : item.WaitingSince;
        return since > now ? TimeSpan.Zero : now - since;
    }

    private static bool IsActive(ConversationStatus status) => status is ConversationStatus.Open or ConversationStatus.Pending;

    /// <summary>The chart's wait: the mean over every queued item of every queue, as of this report.</summary>
    private void SampleWait(DateTimeOffset now)
    {
        var waits = _queues.Values.SelectMany(q => q.Waiting).Select(w => Wait(w, now).Ticks).ToList();
        Volume.SampleWait(now, waits.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)waits.Average()));
    }
}
