using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.EventSourcing;
using Crm.Grains.Routing.Events;

namespace Crm.Grains.Routing;

/// <summary>
/// The routing rules as plain functions of the router's state: what to hand out now, what has timed out. They return
/// events and change nothing; the router commits them (at the version the state was read at) and only then applies
/// them, so a plan made from a stale state can never be committed.
/// </summary>
public static class Dispatcher
{
    /// <summary>
    /// Hands out waiting work, in queue order (<see cref="InOrder"/>), to eligible agents with free capacity, by each
    /// queue's policy, until no more fits. Work nobody can take is skipped, not waited on, so the work behind it still
    /// goes: after a plan is applied, nothing waits while an eligible agent has room.
    /// </summary>
    public static List<DomainEvent> Plan(RouterState state, DateTimeOffset now)
    {
        var events = new List<DomainEvent>();
        var online = state.Agents.Values.Where(a => a.Status == AgentStatus.Online).ToList();
        var loads = state.Loads();
        var free = new Dictionary<WorkKind, int>
        {
            [WorkKind.Chat] = online.Sum(a => Math.Max(0, a.ChatCapacity - Load(a, WorkKind.Chat))),
            [WorkKind.Ticket] = online.Sum(a => Math.Max(0, a.TicketCapacity - Load(a, WorkKind.Ticket))),
        };
        // Later picks in this plan are "more recent" than anything stored, so least-loaded ties rotate within one plan too.
        var lastGiven = online.ToDictionary(a => a.AgentId, a => a.LastGivenNo, StringComparer.Ordinal);
        var lastInQueue = new Dictionary<string, string>(state.LastGivenInQueue, StringComparer.Ordinal);
        var tick = state.Version;

        foreach (var work in InOrder(state.Work.Values.Where(w => w.IsWaiting)))
        {
            var policy = state.PolicyOf(work.QueueId);
            // Nobody has room of this kind: only the agent who still holds the work could take it (back).
            if (policy.Assignment == AssignmentPolicy.Manual || free[work.Kind] == 0 && work.HeldBy is null) continue;

            var eligible = online.Where(a => Eligible(a, policy, work) && HasRoom(a, work)).ToList();
            // Agents who passed on this work (declined, let the offer lapse, had it taken from them) come last: others
            // first while there are any, then round again rather than leave it waiting beside free capacity.
            if (eligible.Any(a => !work.PassedBy.Contains(a.AgentId)))
                eligible.RemoveAll(a => work.PassedBy.Contains(a.AgentId));
            if (eligible.Count == 0) continue;

            var agent = eligible.FirstOrDefault(a => a.AgentId == work.HeldBy)
                ?? AgentPicker.Pick(policy.Assignment, eligible, work.Kind, a => Load(a, work.Kind), a => lastGiven[a.AgentId], lastInQueue.GetValueOrDefault(work.QueueId));
            events.Add(policy.OfferTimeout is { } timeout
                ? new ConversationOffered(work.ConversationId, agent.AgentId, now + timeout)
                : new ConversationRouted(work.ConversationId, agent.AgentId));

            // The holder's slot is counted already: giving the work back to them takes nothing more.
            if (agent.AgentId != work.HeldBy)
            {
                loads[(agent.AgentId, work.Kind)] = Load(agent, work.Kind) + 1;
                free[work.Kind]--;
            }
            lastGiven[agent.AgentId] = ++tick;
            lastInQueue[work.QueueId] = agent.AgentId;
        }
        return events;

        int Load(RoutingAgent agent, WorkKind kind) => loads.GetValueOrDefault((agent.AgentId, kind));

        bool HasRoom(RoutingAgent agent, RoutedWork work) =>
            Load(agent, work.Kind) - (agent.AgentId == work.HeldBy ? 1 : 0) < agent.Capacity(work.Kind);
    }

    /// <summary>
    /// The handing-out order: work taken back from an agent first (the customer was already being served), then the
    /// highest priority, then the earliest arrival, then the router's own arrival order, so there are no ties.
    /// </summary>
    public static IEnumerable<RoutedWork> InOrder(IEnumerable<RoutedWork> work) =>
        work.OrderByDescending(w => w.Front).ThenByDescending(w => w.Priority).ThenBy(w => w.ArrivedAt).ThenBy(w => w.Arrival);

    /// <summary>Eligible for the work by team and skills (status and room are checked apart).</summary>
    public static bool Eligible(RoutingAgent agent, QueuePolicy policy, RoutedWork work) =>
        (policy.TeamId is null || agent.Teams.Contains(policy.TeamId, StringComparer.Ordinal))
        && (policy.RequiredSkills ?? []).All(s => agent.Skills.Contains(s, StringComparer.Ordinal))
        && work.Skills.All(s => agent.Skills.Contains(s, StringComparer.Ordinal));

    /// <summary>Offers past their timeout go back to waiting; work past its queue's overflow time moves to the overflow queue.</summary>
    public static List<DomainEvent> Expire(RouterState state, DateTimeOffset now)
    {
        var events = new List<DomainEvent>();
        foreach (var work in state.Work.Values.OrderBy(w => w.Arrival))
        {
            if (work is { Stage: WorkStage.Offered, OfferExpiresAt: { } expires, AgentId: { } agentId } && expires <= now)
                events.Add(new ConversationOfferExpired(work.ConversationId, agentId));
            else if (OverflowDue(state, work) is { } due && due.At <= now)
                events.Add(new ConversationOverflowed(work.ConversationId, work.QueueId, due.To));
        }
        return events;
    }

    /// <summary>The earliest instant <see cref="Expire"/> will have something to do; null when nothing is pending.</summary>
    public static DateTimeOffset? NextDue(RouterState state)
    {
        DateTimeOffset? next = null;
        foreach (var work in state.Work.Values)
        {
            var due = work.Stage == WorkStage.Offered ? work.OfferExpiresAt : OverflowDue(state, work)?.At;
            if (due is { } at && (next is null || at < next)) next = at;
        }
        return next;
    }

    private static (DateTimeOffset At, string To)? OverflowDue(RouterState state, RoutedWork work) =>
        work.IsWaiting && state.PolicyOf(work.QueueId) is { OverflowAfter: { } after, OverflowQueueId: { } to } && to != work.QueueId
            ? (work.QueueEnteredAt + after, to)
            : null;
}
