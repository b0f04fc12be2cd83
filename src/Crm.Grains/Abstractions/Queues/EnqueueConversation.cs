namespace Crm.Grains.Abstractions.Queues;

/// <summary>Puts a conversation in the queue; idempotent while it is already waiting.</summary>
[GenerateSerializer, Immutable, Alias("crm.queues.enqueue-conversation")]
public sealed record EnqueueConversation(string ConversationId, int Priority, string Actor);
