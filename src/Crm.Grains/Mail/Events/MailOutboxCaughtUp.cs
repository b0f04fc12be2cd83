using Crm.Grains.EventSourcing;

namespace Crm.Grains.Mail.Events;

/// <summary>
/// The outbox has read the workspace's conversation events up to <see cref="Position"/> and queued every reply among
/// them. Recorded now and then (not per read), so a new activation re-reads a bounded tail instead of all history.
/// </summary>
[GenerateSerializer, Alias("crm.mail.mail-outbox-caught-up.v1")]
public sealed record MailOutboxCaughtUp(long Position) : DomainEvent;
