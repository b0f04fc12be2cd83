using Crm.Grains.Abstractions.Attachments;

namespace Crm.Grains.Abstractions.Conversations;

/// <summary>
/// Posts a message or, with <see cref="MessageKind.Note"/>, an internal note (agents only). <see cref="ClientMessageId"/>
/// makes a resend a no-op that returns the original (it is required: the empty GUID is refused). <see cref="Mentions"/>
/// are agent ids a note notifies; without them, a note's "@agentId" mentions of <see cref="Teammates"/> (the workspace's
/// agent ids, which the web host's identity store knows) are found by the grain. A whisper needs an assignee.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.post-message")]
public sealed record PostMessage(
    Guid ClientMessageId,
    Author Author,
    string Body,
    MessageKind Kind = MessageKind.Message,
    IReadOnlyList<string>? Mentions = null,
    IReadOnlyList<AttachmentDetails>? Attachments = null,
    IReadOnlyList<string>? Teammates = null);
