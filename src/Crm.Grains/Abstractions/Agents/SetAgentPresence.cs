namespace Crm.Grains.Abstractions.Agents;

[GenerateSerializer, Immutable, Alias("crm.agents.set-agent-presence")]
public sealed record SetAgentPresence(AgentStatus Status, string Actor);
