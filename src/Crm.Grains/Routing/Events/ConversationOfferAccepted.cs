using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

[GenerateSerializer, Alias("crm.routing.conversation-offer-accepted.v1")]
public sealed record ConversationOfferAccepted(string ConversationId, string AgentId) : DomainEvent;
