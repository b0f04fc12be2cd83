namespace Crm.Grains.Abstractions.Queues;

/// <summary>
/// Puts a conversation in a queue; idempotent while it is already there. <see cref="QueueId"/> names the queue when
/// sent to the router; the queue grain fills it from its own key.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.queues.enqueue-conversation")]
public sealed record EnqueueConversation(string ConversationId, int Priority, string Actor, string? QueueId = null);
