using Crm.Grains.Abstractions.Agents;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Agents.Events;

/// <summary>Carries how long the previous status lasted, so reports need no pairing of events.</summary>
[GenerateSerializer, Alias("crm.agents.agent-presence-changed.v1")]
public sealed record AgentPresenceChanged(AgentStatus Status, AgentStatus Previous, TimeSpan PreviousLasted) : DomainEvent;
