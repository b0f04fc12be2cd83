namespace Crm.Grains.Abstractions.Mail;

/// <summary>
/// One email for the mailer: an agent's reply (<see cref="ConversationId"/>, <see cref="Seq"/>) addressed to the
/// conversation's customer. <see cref="Subject"/> carries the "[#conversation-id]" token, so the customer's answer
/// threads back into the same conversation.
/// </summary>
/// <param name="ToEmail">Null when the customer had no email address when the reply was queued (then it is failed at once).</param>
[GenerateSerializer, Immutable, Alias("crm.mail.outbound-email")]
public sealed record OutboundEmail(
    string OutboundId,
    string ConversationId,
    long Seq,
    string? ToEmail,
    string ToName,
    string Subject,
    string Body,
    OutboundEmailStatus Status,
    DateTimeOffset QueuedAt,
    DateTimeOffset? CompletedAt = null,
    string? ProviderMessageId = null,
    string? FailureReason = null);
