using Crm.Grains.Abstractions.Routing;

namespace Crm.Grains.Routing;

/// <summary>The assignment policies: which of the eligible agents (all online, with room) gets the next piece of work.</summary>
public static class AgentPicker
{
    /// <param name="eligible">Not empty.</param>
    /// <param name="load">An agent's load of the work's kind, including what this round has given them already.</param>
    /// <param name="lastGiven">When an agent was last given work (a router stream version, 0: never), likewise.</param>
    /// <param name="lastInQueue">The agent this queue gave work to last, if any.</param>
    public static RoutingAgent Pick(
        AssignmentPolicy policy, IReadOnlyList<RoutingAgent> eligible, WorkKind kind,
        Func<RoutingAgent, int> load, Func<RoutingAgent, long> lastGiven, string? lastInQueue) => policy switch
    {
        AssignmentPolicy.RoundRobin => NextInTurn(eligible, lastInQueue),
        _ => LeastLoaded(eligible, kind, load, lastGiven),
    };

    /// <summary>
    /// Lowest load for the capacity (load/capacity, compared by cross-multiplying, so no rounding): agents of any
    /// capacity fill at the same pace, and equal capacities get equal shares. Ties: the one who waited longest for
    /// work, then the agent id, so the choice is always the same for the same state.
    /// </summary>
    private static RoutingAgent LeastLoaded(IReadOnlyList<RoutingAgent> eligible, WorkKind kind, Func<RoutingAgent, int> load, Func<RoutingAgent, long> lastGiven)
    {
        var best = eligible[0];
        for (var i = 1; i < eligible.Count; i++)
        {
            var candidate = eligible[i];
            var byLoad = ((long)load(candidate) * best.Capacity(kind)).CompareTo((long)load(best) * candidate.Capacity(kind));
            var byWait = lastGiven(candidate).CompareTo(lastGiven(best));
            if (byLoad < 0 || byLoad == 0 && (byWait < 0 || byWait == 0 && string.CompareOrdinal(candidate.AgentId, best.AgentId) < 0))
                best = candidate;
        }
        return best;
    }

    /// <summary>The first agent by id after the queue's last one, wrapping round; agents without room are skipped (they are not eligible).</summary>
    private static RoutingAgent NextInTurn(IReadOnlyList<RoutingAgent> eligible, string? lastInQueue)
    {
        RoutingAgent? first = null, next = null;
        foreach (var agent in eligible)
        {
            if (first is null || string.CompareOrdinal(agent.AgentId, first.AgentId) < 0) first = agent;
            if (lastInQueue is not null && string.CompareOrdinal(agent.AgentId, lastInQueue) > 0
                && (next is null || string.CompareOrdinal(agent.AgentId, next.AgentId) < 0))
                next = agent;
        }
        return next ?? first!;
    }
}
