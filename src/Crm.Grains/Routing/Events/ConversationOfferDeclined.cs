using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

/// <summary>The agent passed: the work waits again, and is offered to someone else while anyone else can take it.</summary>
[GenerateSerializer, Alias("crm.routing.conversation-offer-declined.v1")]
public sealed record ConversationOfferDeclined(string ConversationId, string AgentId) : DomainEvent;
