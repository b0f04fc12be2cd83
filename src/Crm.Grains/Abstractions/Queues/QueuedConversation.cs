namespace Crm.Grains.Abstractions.Queues;

[GenerateSerializer, Immutable, Alias("crm.queues.queued-conversation")]
public sealed record QueuedConversation(string ConversationId, int Priority, DateTimeOffset EnqueuedAt);
