namespace Crm.Grains.Abstractions.Agents;

/// <summary>An agent: profile, presence, capacity. Key: "{workspaceId}/{agentId}".</summary>
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the agent's profile.</summary>
    Task<AgentDetails> RegisterAsync(RegisterAgent command);

    /// <summary>
    /// Sets what routing may give the agent: chat and ticket capacity, skills, teams (admins). A raised capacity or a
    /// new team or skill lets the workspace's router hand them waiting work at once.
    /// </summary>
    Task<AgentDetails> ConfigureRoutingAsync(ConfigureAgentRouting command);

    /// <summary>
    /// Chooses Online, Away or Busy (Offline is derived from the consoles, never chosen); a change is an event that
    /// records how long the previous status lasted. Refused while the agent has no console open: they are Offline.
    /// </summary>
    Task<AgentDetails> SetPresenceAsync(SetAgentPresence command);

    /// <summary>
    /// "This console session is open" (every <see cref="AgentPresenceTimings.HeartbeatEvery"/>). The first live session
    /// brings an Offline agent back to the status they last chose (Online if none).
    /// </summary>
    Task<AgentDetails> HeartbeatAsync(string sessionId);

    /// <summary>The session closed. With no session left, the agent becomes Offline once the grace has passed.</summary>
    Task DisconnectAsync(string sessionId);

    /// <summary>
    /// Ends lapsed sessions and records Offline once the grace has passed with none left, all by the domain clock.
    /// The grain's timer runs this every <see cref="AgentPresenceTimings.SweepEvery"/>; it is callable so a test can
    /// run it at a chosen domain time, and so the roster can wake an agent whose activation was lost in a crash.
    /// </summary>
    Task<AgentDetails> SweepAsync();

    /// <summary>The agent; NotFound when never registered.</summary>
    Task<AgentDetails> GetDetailsAsync();
}
