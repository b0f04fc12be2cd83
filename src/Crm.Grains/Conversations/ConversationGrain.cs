using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Abstractions.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Conversations;

/// <summary>
/// A conversation's thread. Not reentrant: commands run one at a time, so sequence numbers are assigned in commit
/// order and two agents replying at the same moment both land, in one order that everyone sees.
/// </summary>
public sealed class ConversationGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<ConversationState>(store, clock), IConversationGrain
{
    private ConversationSummary? _summary;

    private string WorkspaceId => GrainKeys.Parse(this.GetPrimaryKeyString()).WorkspaceId;
    private string ConversationId => GrainKeys.Parse(this.GetPrimaryKeyString()).Id;

    protected override string StreamId => StreamIds.For(StreamIds.ConversationCategory, WorkspaceId, ConversationId);

    protected override void OnApplied(DomainEvent @event, long version) =>
        _summary = ConversationSummaryProjection.Apply(_summary, @event, version);

    public async Task<ConversationDetails> OpenAsync(OpenConversation command)
    {
        if (State.Opened is { } opened)
        {
            return opened.CustomerId == command.CustomerId
                ? Details()
                : throw new DomainException(DomainErrorKind.Conflict, "A conversation with this id already exists for another customer.");
        }

        var customerId = Ids.Require(command.CustomerId, "customer");
        var queueId = command.QueueId is null ? null : Ids.Require(command.QueueId, "queue");
        var name = string.IsNullOrWhiteSpace(command.CustomerName) ? "Visitor" : command.CustomerName.Trim();
        await RaiseAsync(command.Actor, new ConversationOpened(
            WorkspaceId, ConversationId, customerId, name, command.Channel, MessageLimits.RequireSubject(command.Subject), queueId));
        Announce(message: null);
        return Details();
    }

    public async Task<MessageDetails> PostMessageAsync(PostMessage command)
    {
        RequireOpened();
        // A customer writes only into their own conversation: the visitor token proves who they are, this proves
        // where. Checked before the resend lookup, so nobody reads back a message by guessing its client id.
        if (command.Author.Kind == AuthorKind.Customer && command.Author.Id != State.Opened!.CustomerId)
            throw new DomainException(DomainErrorKind.NotFound, "This conversation does not exist.");
        // The empty id would make every later message "a resend" of the first one and silently drop it.
        if (command.ClientMessageId == Guid.Empty)
            throw new DomainException(DomainErrorKind.Invalid, "A message needs a client message id: a new GUID per message, kept for retries.");
        if (State.MessageIndexByClientId.TryGetValue(command.ClientMessageId, out var index))
            return State.Messages[index];

        var body = MessageLimits.RequireBody(command.Body);
        await RaiseAsync(command.Author.Actor, new MessagePosted(State.LastSeq + 1, command.ClientMessageId, command.Author, body));
        var message = State.Messages[^1];
        Announce(message);
        return message;
    }

    public Task<ConversationDetails> GetDetailsAsync()
    {
        RequireOpened();
        return Task.FromResult(Details());
    }

    public Task<IReadOnlyList<MessageDetails>> GetMessagesAfterAsync(long afterSeq)
    {
        RequireOpened();
        var from = (int)Math.Clamp(afterSeq, 0, State.Messages.Count);
        return Task.FromResult<IReadOnlyList<MessageDetails>>(State.Messages.GetRange(from, State.Messages.Count - from));
    }

    /// <summary>
    /// After the commit: push to every web node and update the inbox. Both calls are one-way, so the sender's
    /// acknowledgement does not wait on delivery; a receiver that misses one gap-fills by sequence number.
    /// </summary>
    private void Announce(MessageDetails? message)
    {
        var summary = _summary!;
        LiveFeedItem[] items = message is null
            ? [new ConversationFeedItem(summary)]
            : [new MessageFeedItem(message), new ConversationFeedItem(summary)];
        _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync(items);
        _ = GrainFactory.GetGrain<IInboxGrain>(WorkspaceId).OnConversationChangedAsync(summary);
    }

    private void RequireOpened()
    {
        if (State.Opened is null)
            throw new DomainException(DomainErrorKind.NotFound, "This conversation does not exist.");
    }

    private ConversationDetails Details()
    {
        var o = State.Opened!;
        return new ConversationDetails(WorkspaceId, ConversationId, o.CustomerId, o.CustomerName, o.Channel, o.Subject,
            State.Status, o.QueueId, State.OpenedAt, State.LastSeq);
    }
}
