using Crm.Grains.Abstractions.Attachments;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations.Events;

/// <summary>A message, or an internal note (<see cref="Kind"/>). Events stored before notes existed read as messages.</summary>
[GenerateSerializer, Alias("crm.conversations.message-posted.v1")]
public sealed record MessagePosted(
    long Seq,
    Guid ClientMessageId,
    Author Author,
    string Body,
    MessageKind Kind = MessageKind.Message,
    IReadOnlyList<string>? Mentions = null,
    IReadOnlyList<AttachmentDetails>? Attachments = null) : DomainEvent;
