using Crm.Grains.Abstractions.Attachments;

namespace Crm.Grains.Abstractions.Conversations;

/// <summary>
/// One entry of a thread as the console shows it: a message, an internal note or an activity. <see cref="Seq"/> is
/// gap-free per conversation, from 1, across all kinds.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.message-details")]
public sealed record MessageDetails(
    string WorkspaceId,
    string ConversationId,
    long Seq,
    Guid ClientMessageId,
    Author Author,
    string Body,
    DateTimeOffset PostedAt,
    MessageKind Kind = MessageKind.Message,
    IReadOnlyList<string>? Mentions = null,
    IReadOnlyList<AttachmentDetails>? Attachments = null);
