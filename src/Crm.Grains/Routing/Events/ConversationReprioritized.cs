using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

[GenerateSerializer, Alias("crm.routing.conversation-reprioritized.v1")]
public sealed record ConversationReprioritized(string ConversationId, int Priority) : DomainEvent;
