using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

/// <summary>Nobody answered within the queue's offer timeout: the work waits again and moves on to the next agent.</summary>
[GenerateSerializer, Alias("crm.routing.conversation-offer-expired.v1")]
public sealed record ConversationOfferExpired(string ConversationId, string AgentId) : DomainEvent;
