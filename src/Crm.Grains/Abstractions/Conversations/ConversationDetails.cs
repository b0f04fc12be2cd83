namespace Crm.Grains.Abstractions.Conversations;

[GenerateSerializer, Immutable, Alias("crm.conversations.conversation-details")]
public sealed record ConversationDetails(
    string WorkspaceId,
    string ConversationId,
    string CustomerId,
    string CustomerName,
    Channel Channel,
    string Subject,
    ConversationStatus Status,
    string? QueueId,
    DateTimeOffset OpenedAt,
    long LastSeq);
