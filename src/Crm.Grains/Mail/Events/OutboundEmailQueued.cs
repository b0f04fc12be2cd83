using Crm.Grains.EventSourcing;

namespace Crm.Grains.Mail.Events;

/// <summary>
/// An agent's reply (<see cref="ConversationId"/>, <see cref="Seq"/>) is waiting to be mailed. <see cref="Position"/> is
/// the global store position of the reply's MessagePosted: the outbox resumes reading after it when reactivated.
/// </summary>
[GenerateSerializer, Alias("crm.mail.outbound-email-queued.v1")]
public sealed record OutboundEmailQueued(
    string OutboundId,
    string ConversationId,
    long Seq,
    string? ToEmail,
    string ToName,
    string Subject,
    string Body,
    long Position) : DomainEvent;
