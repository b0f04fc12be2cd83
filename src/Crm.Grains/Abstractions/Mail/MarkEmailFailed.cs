namespace Crm.Grains.Abstractions.Mail;

/// <summary>The mailer gave up on the email, for <see cref="Reason"/> (e.g. a hard bounce).</summary>
[GenerateSerializer, Immutable, Alias("crm.mail.mark-email-failed")]
public sealed record MarkEmailFailed(string OutboundId, string? Reason, string Actor);
