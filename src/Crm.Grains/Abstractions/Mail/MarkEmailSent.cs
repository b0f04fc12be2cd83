namespace Crm.Grains.Abstractions.Mail;

/// <summary>The mailer handed the email to its provider; <see cref="ProviderMessageId"/> is the provider's id, if any.</summary>
[GenerateSerializer, Immutable, Alias("crm.mail.mark-email-sent")]
public sealed record MarkEmailSent(string OutboundId, string? ProviderMessageId, string Actor);
