using Crm.Grains.EventSourcing;

namespace Crm.Grains.Mail.Events;

[GenerateSerializer, Alias("crm.mail.outbound-email-failed.v1")]
public sealed record OutboundEmailFailed(string OutboundId, string Reason) : DomainEvent;
