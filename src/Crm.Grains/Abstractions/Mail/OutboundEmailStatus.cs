namespace Crm.Grains.Abstractions.Mail;

[GenerateSerializer, Alias("crm.mail.outbound-email-status")]
public enum OutboundEmailStatus
{
    /// <summary>Queued, not yet reported sent or failed by the mailer.</summary>
    Pending = 0,

    Sent = 1,

    /// <summary>The mailer gave up (or there was no address to send to); final, like <see cref="Sent"/>.</summary>
    Failed = 2,
}
