using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

/// <summary>Waiting work offered to an agent until <see cref="ExpiresAt"/>; it holds one of their slots meanwhile.</summary>
[GenerateSerializer, Alias("crm.routing.conversation-offered.v1")]
public sealed record ConversationOffered(string ConversationId, string AgentId, DateTimeOffset ExpiresAt) : DomainEvent;
