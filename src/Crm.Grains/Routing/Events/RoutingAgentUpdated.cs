using Crm.Grains.Abstractions.Agents;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

/// <summary>
/// The router saw an agent's routing facts change (read from the agent's stream): recorded whole, so the router's
/// stream alone explains each decision (who was online, with what capacity) and rebuilds without the agent streams.
/// </summary>
[GenerateSerializer, Alias("crm.routing.agent-updated.v1")]
public sealed record RoutingAgentUpdated(
    string AgentId,
    string DisplayName,
    AgentStatus Status,
    DateTimeOffset StatusSince,
    int ChatCapacity,
    int TicketCapacity,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Teams) : DomainEvent;
