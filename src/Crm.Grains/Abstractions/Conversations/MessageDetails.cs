using Crm.Grains.Abstractions.Attachments;

namespace Crm.Grains.Abstractions.Conversations;

/// <summary>
/// One entry of a thread as the console shows it: a message, an internal note or an activity. <see cref="Seq"/> is
/// gap-free per conversation, from 1, across all kinds. The customer sees only some kinds (<see cref="IsVisibleToCustomer"/>),
/// so <see cref="PreviousCustomerSeq"/> names the entry before this one that the customer saw: the numbers in between
/// are not theirs, and a client that holds that entry has no gap to fill.
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
    IReadOnlyList<AttachmentDetails>? Attachments = null,
    long PreviousCustomerSeq = 0)
{
    /// <summary>Customers see messages only: never internal notes, whispers, nor the team's activity entries.</summary>
    public bool IsVisibleToCustomer => Kind == MessageKind.Message;
}
