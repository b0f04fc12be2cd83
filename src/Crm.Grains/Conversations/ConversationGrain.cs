using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Conversations;

/// <summary>
/// A conversation's thread. Not reentrant: commands run one at a time, so sequence numbers are assigned in commit
/// order and two agents replying at the same moment both land, in one order that everyone sees.
/// </summary>
public sealed class ConversationGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<ConversationState>(store, clock), IConversationGrain, IRemindable
{
    private const string SnoozeReminder = "snooze";
    private static readonly Author Scheduler = new(AuthorKind.System, "scheduler", "System");

    private ConversationSummary? _summary;

    private string WorkspaceId => GrainKeys.Parse(this.GetPrimaryKeyString()).WorkspaceId;
    private string ConversationId => GrainKeys.Parse(this.GetPrimaryKeyString()).Id;
    private long NextSeq => State.LastSeq + 1;

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
        Announce(0);
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

        ConversationRules.RequireCanPost(State.Status, command.Author.Kind, command.Kind);
        var body = MessageLimits.RequireBody(command.Body);
        var mentions = command.Kind == MessageKind.Note && command.Mentions is { Count: > 0 } m
            ? m.Select(id => Ids.Require(id, "mentioned agent")).Distinct().ToArray()
            : null;
        var from = NextSeq;
        var posted = new MessagePosted(from, command.ClientMessageId, command.Author, body, command.Kind, mentions);
        var reopens = command.Author.Kind == AuthorKind.Customer && ConversationRules.ReopensOnCustomerMessage(State.Status);
        if (reopens)
            await RaiseAsync(command.Author.Actor, posted, new ConversationStatusChanged(from + 1, State.Status, ConversationStatus.Open, null, command.Author));
        else
            await RaiseAsync(command.Author.Actor, posted);
        Announce(from);
        if (reopens) await SyncSnoozeReminderAsync();
        return State.Messages[(int)from - 1];
    }

    public async Task<ConversationDetails> ChangeStatusAsync(ChangeStatus command)
    {
        RequireOpened();
        if (ConversationRules.RequireTransition(State.Status, command.Status, command.SnoozeUntil, State.SnoozedUntil, Clock.GetUtcNow()))
        {
            await RaiseAndAnnounceAsync(command.By, new ConversationStatusChanged(NextSeq, State.Status, command.Status, command.SnoozeUntil, command.By));
            await SyncSnoozeReminderAsync();
        }
        return Details();
    }

    /// <summary>
    /// The snooze's durable timer: it survives restarts because reminders are stored with the events. It checks the
    /// domain clock before waking the conversation, and re-arms itself if it fired early.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SnoozeReminder) return;
        if (State is { Status: ConversationStatus.Snoozed, SnoozedUntil: { } until } && Clock.GetUtcNow() >= until)
            await RaiseAndAnnounceAsync(Scheduler, new ConversationStatusChanged(NextSeq, ConversationStatus.Snoozed, ConversationStatus.Open, null, Scheduler));
        await SyncSnoozeReminderAsync();
    }

    /// <summary>A snoozed conversation has exactly one armed wake-up; any other status has none.</summary>
    private async Task SyncSnoozeReminderAsync()
    {
        if (State is { Status: ConversationStatus.Snoozed, SnoozedUntil: { } until })
        {
            var due = until - Clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(SnoozeReminder, due > TimeSpan.Zero ? due : TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        }
        else if (await this.GetReminder(SnoozeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<ConversationDetails> AssignAsync(AssignConversation command)
    {
        RequireOpened();
        var agentId = command.AgentId is null ? null : Ids.Require(command.AgentId, "agent");
        if (agentId != State.AssigneeId)
        {
            var name = agentId is null ? null : string.IsNullOrWhiteSpace(command.AgentName) ? agentId : command.AgentName.Trim();
            await RaiseAndAnnounceAsync(command.By, new ConversationAssigned(NextSeq, agentId, name, command.By));
        }
        return Details();
    }

    public async Task<ConversationDetails> SetPriorityAsync(SetPriority command)
    {
        RequireOpened();
        if (!Enum.IsDefined(command.Priority))
            throw new DomainException(DomainErrorKind.Invalid, $"Unknown priority {(int)command.Priority}.");
        if (command.Priority != State.Priority)
            await RaiseAndAnnounceAsync(command.By, new ConversationPriorityChanged(command.Priority));
        return Details();
    }

    public async Task<ConversationDetails> ChangeLabelsAsync(ChangeLabels command)
    {
        RequireOpened();
        var add = command.Add.Select(ConversationRules.NormalizeLabel).Where(l => !State.Labels.Contains(l)).Distinct().ToArray();
        var remove = command.Remove.Select(ConversationRules.NormalizeLabel).Where(State.Labels.Contains).Distinct().ToArray();
        if (State.Labels.Count + add.Length - remove.Length > ConversationRules.MaxLabels)
            throw new DomainException(DomainErrorKind.Invalid, $"A conversation can carry at most {ConversationRules.MaxLabels} labels.");
        if (add.Length + remove.Length > 0)
            await RaiseAndAnnounceAsync(command.By, new ConversationLabelsChanged(add, remove));
        return Details();
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

    private async Task RaiseAndAnnounceAsync(Author by, DomainEvent @event)
    {
        var from = NextSeq;
        await RaiseAsync(by.Actor, @event);
        Announce(from);
    }

    /// <summary>
    /// After the commit: push the new thread entries (from <paramref name="fromSeq"/>) and the summary to every web node,
    /// and update the inbox. Both calls are one-way, so the acknowledgement does not wait on delivery; a receiver that
    /// misses one gap-fills by sequence number.
    /// </summary>
    private void Announce(long fromSeq)
    {
        var summary = _summary!;
        var items = new List<LiveFeedItem>();
        for (var seq = Math.Max(fromSeq, 1); fromSeq > 0 && seq <= State.LastSeq; seq++)
            items.Add(new MessageFeedItem(State.Messages[(int)seq - 1]));
        items.Add(new ConversationFeedItem(summary));
        _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync([.. items]);
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
            State.Status, o.QueueId, State.OpenedAt, State.LastSeq, State.Priority, State.Labels.ToArray(),
            State.AssigneeId, State.AssigneeName, State.SnoozedUntil);
    }
}
