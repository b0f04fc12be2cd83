namespace Crm.Grains.Abstractions.Mail;

/// <summary>Emails of one status, oldest first, at most <see cref="Limit"/> (clamped to 1–500).</summary>
[GenerateSerializer, Immutable, Alias("crm.mail.outbound-email-query")]
public sealed record OutboundEmailQuery(OutboundEmailStatus Status, int Limit = 100);
