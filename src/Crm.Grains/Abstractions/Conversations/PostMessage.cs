using Crm.Grains.Abstractions.Attachments;

namespace Crm.Grains.Abstractions.Conversations;

/// <summary>
/// Posts a message or, with <see cref="MessageKind.Note"/>, an internal note (agents only). <see cref="ClientMessageId"/>
/// makes a resend a no-op that returns the original. <see cref="Mentions"/> are agent ids a note notifies.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.post-message")]
public sealed record PostMessage(
    Guid ClientMessageId,
    Author Author,
    string Body,
    MessageKind Kind = MessageKind.Message,
    IReadOnlyList<string>? Mentions = null,
    IReadOnlyList<AttachmentDetails>? Attachments = null);
