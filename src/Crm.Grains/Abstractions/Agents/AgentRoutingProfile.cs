namespace Crm.Grains.Abstractions.Agents;

/// <summary>The agent's routing settings beyond the chat capacity (which <see cref="AgentDetails"/> carries itself).</summary>
[GenerateSerializer, Immutable, Alias("crm.agents.agent-routing-profile")]
public sealed record AgentRoutingProfile(int TicketCapacity, IReadOnlyList<string> Skills, IReadOnlyList<string> Teams);
