using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Roster;
using Crm.Web.Identity;

namespace Crm.Web.Services;

/// <summary>The signed-in agent's console sessions and chosen status, and a workspace's availability.</summary>
public sealed class AgentPresenceService(IGrainFactory grains)
{
    public Task<AgentDetails> HeartbeatAsync(WorkspaceUser user, string sessionId) => Agent(user).HeartbeatAsync(sessionId);

    public Task DisconnectAsync(WorkspaceUser user, string sessionId) => Agent(user).DisconnectAsync(sessionId);

    public Task<AgentDetails> SetStatusAsync(WorkspaceUser user, AgentStatus status) =>
        Agent(user).SetPresenceAsync(new SetAgentPresence(status, user.Actor));

    public Task<AgentAvailability> GetAvailabilityAsync(string workspaceId) =>
        grains.GetGrain<IAgentRosterGrain>(Ids.Require(workspaceId, "workspace")).GetAvailabilityAsync();

    private IAgentGrain Agent(WorkspaceUser user) => grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(user.WorkspaceId, user.AgentId));
}
