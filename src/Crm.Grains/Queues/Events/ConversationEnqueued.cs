using Crm.Grains.EventSourcing;

namespace Crm.Grains.Queues.Events;

/// <summary>
/// Written by the queue grain before routing existed (its own stream, "{ws}/queue/{queueId}"); no longer written. Kept
/// so those events still read: the router takes each as the conversation being queued, so old waiting lists carry over.
/// </summary>
[GenerateSerializer, Alias("crm.queues.conversation-enqueued.v1")]
public sealed record ConversationEnqueued(string ConversationId, int Priority) : DomainEvent;
