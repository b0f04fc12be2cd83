namespace Crm.Grains.Abstractions.Roster;

/// <summary>A workspace's agents by status. Only <see cref="AgentsAvailable"/> is ever shown to the public.</summary>
[GenerateSerializer, Immutable, Alias("crm.roster.agent-availability")]
public sealed record AgentAvailability(string WorkspaceId, int Online, int Away, int Busy, int Offline)
{
    /// <summary>Someone can take a chat now: Away and Busy agents are there, but not for new visitors.</summary>
    public bool AgentsAvailable => Online > 0;
}
