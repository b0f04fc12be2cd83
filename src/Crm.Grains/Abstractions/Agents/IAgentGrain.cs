namespace Crm.Grains.Abstractions.Agents;

/// <summary>An agent: profile, presence, capacity. Key: "{workspaceId}/{agentId}".</summary>
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the agent's profile.</summary>
    Task<AgentDetails> RegisterAsync(RegisterAgent command);

    /// <summary>Sets the agent's presence; a change is an event that records how long the previous status lasted.</summary>
    Task<AgentDetails> SetPresenceAsync(SetAgentPresence command);

    /// <summary>The agent; NotFound when never registered.</summary>
    Task<AgentDetails> GetDetailsAsync();
}
