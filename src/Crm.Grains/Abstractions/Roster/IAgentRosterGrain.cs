using Orleans.Concurrency;

using Crm.Grains.Abstractions.Projections;

namespace Crm.Grains.Abstractions.Roster;

/// <summary>
/// Who of a workspace's agents is in which status (key: the workspace id), projected from the agent streams. It
/// resumes from its snapshot plus the store's tail, takes one-way updates from agent grains after each commit (applied
/// by stream version), and is woken by commits to read on, so an update lost in a crash still arrives.
/// </summary>
public interface IAgentRosterGrain : IGrainWithStringKey, IProjectionPartitionGrain
{
    /// <summary>How many agents are online, away, busy and offline, and whether anyone can take a chat now.</summary>
    Task<AgentAvailability> GetAvailabilityAsync();

    /// <summary>Every agent's status, by agent id.</summary>
    Task<IReadOnlyList<RosterEntry>> ListAsync();

    /// <summary>One-way notification from an agent grain after a commit.</summary>
    [OneWay]
    Task OnAgentChangedAsync(RosterEntry entry);
}
