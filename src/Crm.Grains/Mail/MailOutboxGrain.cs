using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Mail;
using Crm.Grains.Abstractions.Projections;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Projections;
using Crm.Grains.Mail.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Mail;

/// <summary>
/// Queues agents' replies on email conversations by reading the workspace's conversation openings and messages from the
/// store through the shared projection cursor ("mail-outbox/{workspace}"), in global-position order, from the checkpoint
/// it commits in its own stream. Nothing has to tell it about a reply for the reply to be mailed: the
/// web layer's nudge after a commit and the silo's projection waker only make it prompt, and every <see cref="ListAsync"/> reads up to the head
/// first, so a reply committed before a mailer's poll is always in that poll's answer. Not reentrant: one read at a
/// time, so a reply is never queued twice by two overlapping reads.
/// </summary>
public sealed class MailOutboxGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<MailOutboxState>(store, clock), IMailOutboxGrain
{
    // Conversation events read past the stored checkpoint before a new one is recorded: bounds what a new activation
    // re-reads (re-reading is harmless, queuing is idempotent), at the cost of one small write per that many events.
    private const int CheckpointEvery = 1_000;

    private const string Actor = "system:mail-outbox";

    // Conversation id -> its thread when it is an email conversation, null for any other channel. Learnt from the
    // ConversationOpened events read, or asked of the conversation once when it was opened before this activation.
    private readonly Dictionary<string, MailThread?> _threads = new(StringComparer.Ordinal);

    private StreamProjection _projection = null!;
    private int _readSinceCheckpoint;

    private string WorkspaceId => this.GetPrimaryKeyString();

    protected override string StreamId => StreamIds.For(StreamIds.MailOutboxCategory, WorkspaceId, "all");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        var filter = new EventFilter([StreamIds.ConversationCategory],
            [EventSerializer.TypeName<ConversationOpened>(), EventSerializer.TypeName<MessagePosted>()], WorkspaceId);
        _projection = await StreamProjection.StartAsync(ServiceProvider, this.AsReference<IProjectionPartitionGrain>(),
            $"{ProjectionKinds.MailOutbox}/{WorkspaceId}", filter, State.Checkpoint, transient: null, cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _projection.Stop();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task CatchUpAsync() => ReadConversationsAsync();

    public Task WakeAsync() => ReadConversationsAsync();

    public async Task<IReadOnlyList<OutboundEmail>> ListAsync(OutboundEmailQuery query)
    {
        if (!Enum.IsDefined(query.Status))
            throw new DomainException(DomainErrorKind.Invalid, $"Unknown email status {(int)query.Status}.");
        await ReadConversationsAsync();
        return State.WithStatus(query.Status).Take(Math.Clamp(query.Limit, 1, 500)).ToList();
    }

    public async Task<OutboundEmail> MarkSentAsync(MarkEmailSent command)
    {
        var email = Require(command.OutboundId);
        var providerMessageId = OutboundEmailRules.OptionalProviderMessageId(command.ProviderMessageId);
        switch (email.Status)
        {
            case OutboundEmailStatus.Sent:
                return email;
            case OutboundEmailStatus.Failed:
                throw new DomainException(DomainErrorKind.Conflict,
                    $"This email was already reported failed ({email.FailureReason}); it cannot be reported sent.");
        }
        await RaiseAsync(command.Actor, new OutboundEmailSent(email.OutboundId, providerMessageId));
        return State.Find(email.OutboundId)!;
    }

    public async Task<OutboundEmail> MarkFailedAsync(MarkEmailFailed command)
    {
        var email = Require(command.OutboundId);
        var reason = OutboundEmailRules.RequireReason(command.Reason);
        switch (email.Status)
        {
            case OutboundEmailStatus.Failed:
                return email;
            case OutboundEmailStatus.Sent:
                throw new DomainException(DomainErrorKind.Conflict, "This email was already reported sent; it cannot be reported failed.");
        }
        await RaiseAsync(command.Actor, new OutboundEmailFailed(email.OutboundId, reason));
        return State.Find(email.OutboundId)!;
    }

    protected override void OnApplied(DomainEvent @event, long version)
    {
        if (@event is OutboundEmailQueued or MailOutboxCaughtUp) _readSinceCheckpoint = 0;
    }

    /// <summary>
    /// Reads from the checkpoint to the head of the workspace's conversation events. The store commits positions in
    /// increasing order, so a position read past is never filled in later: nothing behind the read position is missed.
    /// A failure part-way leaves <see cref="_position"/> at the last event fully handled; the next read resumes there.
    /// </summary>
    private async Task ReadConversationsAsync()
    {
        var cursor = _projection.Cursor;
        if (cursor.Checkpoint < State.Checkpoint) cursor.Resume(State.Checkpoint);
        await cursor.CatchUpAsync(async stored =>
        {
            var conversationId = StreamIds.Parse(stored.StreamId)!.Value.Id;
            switch (EventSerializer.Deserialize(stored))
            {
                case ConversationOpened opened:
                    _threads[conversationId] = MailThread.From(opened);
                    break;
                case MessagePosted posted when OutboundEmailRules.IsMailedReply(posted) && !State.QueuedReplies.Contains((conversationId, posted.Seq)):
                    if (await ThreadAsync(conversationId) is { } thread)
                        await QueueAsync(conversationId, thread, posted, stored.Position);
                    break;
            }
            _readSinceCheckpoint++;
        });
        if (_readSinceCheckpoint >= CheckpointEvery && cursor.Checkpoint > State.Checkpoint)
            await RaiseAsync(Actor, new MailOutboxCaughtUp(cursor.Checkpoint));
    }

    private async Task<MailThread?> ThreadAsync(string conversationId)
    {
        if (_threads.TryGetValue(conversationId, out var known)) return known;
        var details = await GrainFactory.GetGrain<IConversationGrain>(GrainKeys.Scoped(WorkspaceId, conversationId)).GetDetailsAsync();
        return _threads[conversationId] = MailThread.From(details);
    }

    /// <summary>
    /// Addressed to the customer's email as of now. A customer without one still gets a queued entry, failed at once in
    /// the same commit: the reply is accounted for and visible, never silently dropped.
    /// </summary>
    private async Task QueueAsync(string conversationId, MailThread thread, MessagePosted reply, long position)
    {
        var customer = await FindCustomerAsync(thread.CustomerId);
        var queued = new OutboundEmailQueued(
            OutboundEmailRules.OutboundId(conversationId, reply.Seq), conversationId, reply.Seq, customer?.Email,
            customer?.Name ?? thread.CustomerName, OutboundEmailRules.ReplySubject(thread.Subject, conversationId), reply.Body, position);
        if (queued.ToEmail is null)
            await RaiseAsync(Actor, queued, new OutboundEmailFailed(queued.OutboundId, "The customer has no email address."));
        else
            await RaiseAsync(Actor, queued);
    }

    private async Task<CustomerDetails?> FindCustomerAsync(string customerId)
    {
        try
        {
            return await GrainFactory.GetGrain<ICustomerGrain>(GrainKeys.Scoped(WorkspaceId, customerId)).GetDetailsAsync();
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            // A conversation can name a customer without a profile (an API caller's own id): then there is no address.
            return null;
        }
    }

    private OutboundEmail Require(string? outboundId) =>
        (Ids.IsValid(outboundId) ? State.Find(outboundId!) : null)
        ?? throw new DomainException(DomainErrorKind.NotFound, $"There is no outbound email '{outboundId}' in this workspace.");
}
