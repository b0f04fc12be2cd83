using Crm.Grains.Abstractions.Projections;

namespace Crm.Grains.Abstractions.Mail;

/// <summary>
/// A workspace's outgoing email (key: the workspace id): agents' public replies on email conversations, waiting for
/// a mailer to send them. A projection of the workspace's conversation streams with a stream of its own: it reads
/// the store from its checkpoint, so a reply is queued exactly once whether or not anyone told the outbox about it.
/// </summary>
public interface IMailOutboxGrain : IGrainWithStringKey, IProjectionPartitionGrain
{
    /// <summary>
    /// Reads every conversation event committed since the checkpoint and queues each agent reply on an email
    /// conversation not queued yet (idempotent by conversation id and sequence number).
    /// </summary>
    Task CatchUpAsync();

    /// <summary>
    /// Emails with the queried status, oldest first. Catches up first, so every reply committed before this call is
    /// listed: a mailer that polls this never misses one.
    /// </summary>
    Task<IReadOnlyList<OutboundEmail>> ListAsync(OutboundEmailQuery query);

    /// <summary>Records that the mailer sent the email; a no-op when already sent, a conflict when it was marked failed.</summary>
    Task<OutboundEmail> MarkSentAsync(MarkEmailSent command);

    /// <summary>Records that the mailer gave up on the email; a no-op when already failed, a conflict when it was sent.</summary>
    Task<OutboundEmail> MarkFailedAsync(MarkEmailFailed command);
}
