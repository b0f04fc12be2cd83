using Crm.Grains.EventSourcing;

namespace Crm.Grains.Queues.Events;

[GenerateSerializer, Alias("crm.queues.conversation-enqueued.v1")]
public sealed record ConversationEnqueued(string ConversationId, int Priority) : DomainEvent;
