using Crm.Grains.EventSourcing;

namespace Crm.Grains.Agents.Events;

[GenerateSerializer, Alias("crm.agents.agent-registered.v1")]
public sealed record AgentRegistered(string DisplayName, string Email, string Role, int ChatCapacity) : DomainEvent;
