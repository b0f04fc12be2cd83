using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

/// <summary>Work waited past its queue's overflow time and moved to the overflow queue, keeping its arrival time.</summary>
[GenerateSerializer, Alias("crm.routing.conversation-overflowed.v1")]
public sealed record ConversationOverflowed(string ConversationId, string FromQueueId, string ToQueueId) : DomainEvent;
