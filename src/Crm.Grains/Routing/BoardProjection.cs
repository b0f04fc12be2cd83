using Crm.Grains.Abstractions.Queues;
using Crm.Grains.Abstractions.Routing;

namespace Crm.Grains.Routing;

/// <summary>The supervisor board from the router's state, in one pass over its work: no store reads, no calls.</summary>
public static class BoardProjection
{
    /// <param name="queues">Only these queues (null: every queue configured or holding work).</param>
    /// <param name="agents">Only these agents (null: every agent the router knows).</param>
    public static BoardDetails Board(RouterState state, string workspaceId, DateTimeOffset now, IReadOnlySet<string>? queues = null, IReadOnlySet<string>? agents = null)
    {
        var waiting = new Dictionary<string, List<RoutedWork>>(StringComparer.Ordinal);
        foreach (var queueId in state.Queues.Keys) waiting[queueId] = [];
        var held = new Dictionary<string, (List<string> Assigned, List<string> Offered)>(StringComparer.Ordinal);
        foreach (var work in state.Work.Values.OrderBy(w => w.Arrival))
        {
            if (work.Stage != WorkStage.Assigned)
                (waiting.TryGetValue(work.QueueId, out var list) ? list : waiting[work.QueueId] = []).Add(work);
            if (work.AgentId is { } agentId)
            {
                if (!held.TryGetValue(agentId, out var lists)) held[agentId] = lists = ([], []);
                (work.Stage == WorkStage.Assigned ? lists.Assigned : lists.Offered).Add(work.ConversationId);
            }
        }

        var loads = state.Loads();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new BoardDetails(
            workspaceId,
            now,
            waiting.Where(q => queues is null || queues.Contains(q.Key)).OrderBy(q => q.Key, StringComparer.Ordinal)
                .Select(q => Queue(state, workspaceId, q.Key, q.Value, now)).ToList(),
            state.Agents.Values.Where(a => agents is null || agents.Contains(a.AgentId)).OrderBy(a => a.AgentId, StringComparer.Ordinal)
                .Select(a =>
                {
                    var lists = held.GetValueOrDefault(a.AgentId);
                    return new AgentWorkloadSummary(
                        workspaceId, a.AgentId, a.DisplayName, a.Status, a.StatusSince, a.ChatCapacity, a.TicketCapacity,
                        loads.GetValueOrDefault((a.AgentId, WorkKind.Chat)), loads.GetValueOrDefault((a.AgentId, WorkKind.Ticket)),
                        lists.Assigned ?? [], lists.Offered ?? [], a.Day == today ? a.GivenOnDay : 0, a.Skills, a.Teams);
                })
                .ToList());
    }

    public static QueueDetails Queue(RouterState state, string workspaceId, string queueId, DateTimeOffset now) =>
        Queue(state, workspaceId, queueId, state.Work.Values.Where(w => w.QueueId == queueId && w.Stage != WorkStage.Assigned).ToList(), now);

    private static QueueDetails Queue(RouterState state, string workspaceId, string queueId, List<RoutedWork> waiting, DateTimeOffset now)
    {
        var items = Dispatcher.InOrder(waiting)
            .Select(w => new QueuedConversation(
                w.ConversationId, w.Priority, w.ArrivedAt, w.Kind, w.WaitingSince, w.Front,
                w.Stage == WorkStage.Offered ? w.AgentId : null, w.OfferExpiresAt, w.Skills))
            .ToList();
        var waits = items.Select(i => now - i.WaitingSince).ToList();
        return new QueueDetails(
            workspaceId, queueId, items, state.PolicyOf(queueId), now,
            waits.Count == 0 ? TimeSpan.Zero : waits.Max(),
            waits.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)waits.Average(w => w.Ticks)));
    }
}
