namespace Crm.Grains.Abstractions.Conversations;

/// <summary>One message of a thread as clients show it; <see cref="Seq"/> is gap-free per conversation, from 1.</summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.message-details")]
public sealed record MessageDetails(
    string WorkspaceId,
    string ConversationId,
    long Seq,
    Guid ClientMessageId,
    Author Author,
    string Body,
    DateTimeOffset PostedAt);
