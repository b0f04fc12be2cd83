using Crm.Grains.EventSourcing;

namespace Crm.Grains.Agents.Events;

/// <summary>What routing may give the agent, as a whole; the chat capacity replaces the one given at registration.</summary>
[GenerateSerializer, Alias("crm.agents.agent-routing-configured.v1")]
public sealed record AgentRoutingConfigured(int ChatCapacity, int TicketCapacity, IReadOnlyList<string> Skills, IReadOnlyList<string> Teams) : DomainEvent;
