using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Roster;
using Crm.Grains.Agents.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Roster;

/// <summary>Folds one agent's stored events into their roster entry: registered agents start Offline.</summary>
public static class RosterProjection
{
    /// <summary>The entry after <paramref name="event"/> (stream version <paramref name="version"/>); null when there is none yet.</summary>
    public static RosterEntry? Apply(RosterEntry? current, string agentId, DomainEvent @event, long version) => @event switch
    {
        AgentRegistered => (current ?? new RosterEntry(agentId, AgentStatus.Offline, 0)) with { Version = version },
        AgentPresenceChanged changed => new RosterEntry(agentId, changed.Status, version),
        _ => current is null ? null : current with { Version = version },
    };

    public static AgentAvailability Count(string workspaceId, IEnumerable<RosterEntry> entries)
    {
        int online = 0, away = 0, busy = 0, offline = 0;
        foreach (var entry in entries)
        {
            switch (entry.Status)
            {
                case AgentStatus.Online: online++; break;
                case AgentStatus.Away: away++; break;
                case AgentStatus.Busy: busy++; break;
                default: offline++; break;
            }
        }
        return new AgentAvailability(workspaceId, online, away, busy, offline);
    }
}
