using Crm.Grains.Mail.Events;

namespace Crm.Grains.Audit;

/// <summary>Mail outbox events in words. A queued email is a copy of an agent's reply: its length only.</summary>
internal static class MailAudit
{
    public static AuditDescription Queued(OutboundEmailQueued e) => AuditDescription.Of(
        "queued email", $"{e.OutboundId}: reply seq {e.Seq} of conversation {e.ConversationId}, {AuditText.Chars(e.Body)}");

    public static AuditDescription Sent(OutboundEmailSent e) => AuditDescription.Of("email sent", e.OutboundId);

    public static AuditDescription Failed(OutboundEmailFailed e) => AuditDescription.Of("email failed", $"{e.OutboundId}: {e.Reason}");
}
