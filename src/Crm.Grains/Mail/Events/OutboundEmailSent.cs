using Crm.Grains.EventSourcing;

namespace Crm.Grains.Mail.Events;

[GenerateSerializer, Alias("crm.mail.outbound-email-sent.v1")]
public sealed record OutboundEmailSent(string OutboundId, string? ProviderMessageId) : DomainEvent;
