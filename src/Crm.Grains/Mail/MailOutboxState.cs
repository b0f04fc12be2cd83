using Crm.Grains.Abstractions.Mail;
using Crm.Grains.EventSourcing;
using Crm.Grains.Mail.Events;

namespace Crm.Grains.Mail;

public sealed class MailOutboxState : IEventSourcedState
{
    /// <summary>Every email ever queued, in queue order.</summary>
    public List<OutboundEmail> Emails { get; } = [];

    public Dictionary<string, int> IndexById { get; } = new(StringComparer.Ordinal);

    /// <summary>What makes queuing idempotent: a reply is identified by its conversation and sequence number.</summary>
    public HashSet<(string ConversationId, long Seq)> QueuedReplies { get; } = [];

    /// <summary>Indexes into <see cref="Emails"/> still pending, so the mailer's poll does not scan the whole history.</summary>
    public SortedSet<int> Pending { get; } = [];

    /// <summary>The global position up to which conversation events are known to be read and queued.</summary>
    public long Checkpoint { get; private set; }

    public OutboundEmail? Find(string outboundId) => IndexById.TryGetValue(outboundId, out var i) ? Emails[i] : null;

    public IEnumerable<OutboundEmail> WithStatus(OutboundEmailStatus status) =>
        status == OutboundEmailStatus.Pending ? Pending.Select(i => Emails[i]) : Emails.Where(e => e.Status == status);

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case OutboundEmailQueued e:
                IndexById[e.OutboundId] = Emails.Count;
                Pending.Add(Emails.Count);
                Emails.Add(new OutboundEmail(e.OutboundId, e.ConversationId, e.Seq, e.ToEmail, e.ToName, e.Subject, e.Body, OutboundEmailStatus.Pending, e.At));
                QueuedReplies.Add((e.ConversationId, e.Seq));
                Checkpoint = Math.Max(Checkpoint, e.Position);
                break;
            case OutboundEmailSent e:
                Complete(e.OutboundId, email => email with { Status = OutboundEmailStatus.Sent, CompletedAt = e.At, ProviderMessageId = e.ProviderMessageId });
                break;
            case OutboundEmailFailed e:
                Complete(e.OutboundId, email => email with { Status = OutboundEmailStatus.Failed, CompletedAt = e.At, FailureReason = e.Reason });
                break;
            case MailOutboxCaughtUp e:
                Checkpoint = Math.Max(Checkpoint, e.Position);
                break;
        }
    }

    private void Complete(string outboundId, Func<OutboundEmail, OutboundEmail> change)
    {
        if (!IndexById.TryGetValue(outboundId, out var i)) return;
        Emails[i] = change(Emails[i]);
        Pending.Remove(i);
    }
}
