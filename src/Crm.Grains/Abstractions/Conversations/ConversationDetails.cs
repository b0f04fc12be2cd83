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
    long LastSeq,
    Priority Priority = Priority.Normal,
    IReadOnlyList<string>? Labels = null,
    string? AssigneeId = null,
    string? AssigneeName = null,
    DateTimeOffset? SnoozedUntil = null);
