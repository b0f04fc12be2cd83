using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Inbox;
using Crm.Grains.Routing;
using Crm.Grains.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Conversations;

/// <summary>
/// A conversation's thread. Not reentrant: commands run one at a time, so sequence numbers are assigned in commit
/// order and two agents replying at the same moment both land, in one order that everyone sees. The commands are
/// here; the durable timers (snooze, SLA) in ConversationGrain.Reminders.cs, and what follows a commit (live feed,
/// inbox, router nudge) in ConversationGrain.Delivery.cs; the message rules in <see cref="MessageRules"/>.
/// </summary>
public sealed partial class ConversationGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<ConversationState>(store, clock), IConversationGrain, IRemindable
{
    private static readonly Author Router = new(AuthorKind.System, "routing", "Routing");

    private ConversationSummary? _summary;

    // The row last pushed to the live feed, so the next push says what changed (see SummaryChanges).
    private ConversationSummary? _announced;

    // Resolved once per activation: GetGrain reflects over the interface's attributes on every call.
    private ILiveFeedPublisherGrain? _publisher;
    private IInboxUpdatesGrain? _inbox;

    // The workspace's SLA settings as of this activation (refreshed when the "sla" reminder fires): a policy change
    // reaches a conversation the next time it evaluates, without a call to the workspace grain on every message.
    private SlaClock? _slaClock;

    // The due instant the "sla" reminder is known to be armed for (null: none); unknown until this activation arms it.
    // Lets a message that moves no SLA target skip the reminder-table write.
    private (bool Known, DateTimeOffset? At) _slaArmed;

    // The fold and policy the last due instant was evaluated for (see SlaDueAt).
    private (ConversationSla? Sla, SlaClock? Clock, DateTimeOffset? At) _slaDue;

    // Parsed once: the grain's key is bytes, decoded and split afresh on every read, and a message reads these several times.
    private (string WorkspaceId, string Id) Key => _key ??= GrainKeys.Parse(this.GetPrimaryKeyString());
    private (string WorkspaceId, string Id)? _key;
    private string WorkspaceId => Key.WorkspaceId;
    private string ConversationId => Key.Id;
    private long NextSeq => State.LastSeq + 1;

    protected override string StreamId => _streamId ??= StreamIds.For(StreamIds.ConversationCategory, WorkspaceId, ConversationId);
    private string? _streamId;

    private SlaClock SlaClock => _slaClock ?? throw new InvalidOperationException("The SLA settings load before the state is folded.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Before the replay: folding the summary computes its SLA columns with the workspace's policy.
        _slaClock = await WorkspaceSlaClock.LoadAsync(GrainFactory, WorkspaceId);
        await base.OnActivateAsync(cancellationToken);
    }

    protected override void OnApplied(DomainEvent @event, long version) =>
        _summary = ConversationSummaryProjection.Apply(_summary, @event, version, State.Sla, SlaDueAt());

    /// <summary>
    /// The SLA fold's due instant under this activation's policy, evaluated again only when the fold or the policy is a
    /// new instance: the fold is immutable, and an event that moves no target (a customer's follow-up while waiting, a
    /// note, a read) returns the same instance. Each message asked twice (the row, the reminder), each time walking the
    /// policy's targets and business calendar.
    /// </summary>
    private DateTimeOffset? SlaDueAt()
    {
        var sla = State.Sla;
        if (sla is null) return null;
        if (ReferenceEquals(sla, _slaDue.Sla) && ReferenceEquals(SlaClock, _slaDue.Clock)) return _slaDue.At;
        var at = sla.DueAt(SlaClock);
        _slaDue = (sla, SlaClock, at);
        return at;
    }

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
        var skills = RoutingTags.Require(command.Skills, "skill");
        var position = await RaiseAsync(command.Actor, new ConversationOpened(
            WorkspaceId, ConversationId, customerId, name, command.Channel, MessageLimits.RequireSubject(command.Subject), queueId,
            skills.Count == 0 ? null : skills));
        Announce(0);
        NudgeRouter(position);
        await SyncSlaReminderAsync();
        return Details();
    }

    public async Task<MessageDetails> PostMessageAsync(PostMessage command)
    {
        RequireOpened();
        // A customer writes only into their own conversation: the visitor token proves who they are, this proves
        // where. Checked before the resend lookup, so nobody reads back a message by guessing its client id.
        if (command.Author.Kind == AuthorKind.Customer && command.Author.Id != State.Opened!.CustomerId)
            throw new DomainException(DomainErrorKind.NotFound, "This conversation does not exist.");
        MessageRules.RequireClientMessageId(command.ClientMessageId);
        if (State.MessageIndexByClientId.TryGetValue(command.ClientMessageId, out var index))
            return State.Messages[index];

        var from = NextSeq;
        var posted = MessageRules.Posted(State, command, WorkspaceId, from);
        var reopens = command.Author.Kind == AuthorKind.Customer && ConversationRules.ReopensOnCustomerMessage(State.Status);
        if (reopens)
            NudgeRouter(await RaiseAsync(command.Author.Actor, posted, new ConversationStatusChanged(from + 1, State.Status, ConversationStatus.Open, null, command.Author)));
        else
            await RaiseAsync(command.Author.Actor, posted);
        Announce(from);
        if (reopens) await SyncSnoozeReminderAsync();
        await SyncSlaReminderAsync();
        return State.Messages[(int)from - 1];
    }

    public async Task<ConversationDetails> RateAsync(RateConversation command)
    {
        RequireOpened();
        var (score, comment) = CsatRules.Require(State, command);
        await RaiseAndAnnounceAsync(command.By, new ConversationRated(score, comment));
        return Details();
    }

    public async Task<ConversationDetails> MarkReadAsync(MarkConversationRead command)
    {
        RequireOpened();
        if (command.By.Kind != AuthorKind.Agent)
            throw new DomainException(DomainErrorKind.Forbidden, "Only agents mark a conversation read.");
        // Only when the read covers every customer message so far and at least one of them is new: one small event per
        // customer message at most, however often agents look, and "unread" is exact in every projection.
        var upTo = Math.Min(command.UpToSeq, State.LastSeq);
        if (upTo >= State.LastCustomerSeq && State.LastCustomerSeq > State.ReadUpTo)
            await RaiseAndAnnounceAsync(command.By, new ConversationRead(upTo));
        return Details();
    }

    public async Task<ConversationDetails> ChangeStatusAsync(ChangeStatus command)
    {
        RequireOpened();
        if (ConversationRules.RequireTransition(State.Status, command.Status, command.SnoozeUntil, State.SnoozedUntil, Clock.GetUtcNow()))
        {
            NudgeRouter(await RaiseAndAnnounceAsync(command.By, new ConversationStatusChanged(NextSeq, State.Status, command.Status, command.SnoozeUntil, command.By)));
            await SyncSnoozeReminderAsync();
            await SyncSlaReminderAsync();
        }
        return Details();
    }

    public async Task<ConversationDetails> AssignAsync(AssignConversation command)
    {
        RequireOpened();
        var agentId = command.AgentId is null ? null : Ids.Require(command.AgentId, "agent");
        if (agentId != State.AssigneeId)
        {
            var name = agentId is null ? null : string.IsNullOrWhiteSpace(command.AgentName) ? agentId : command.AgentName.Trim();
            NudgeRouter(await RaiseAndAnnounceAsync(command.By, new ConversationAssigned(NextSeq, agentId, name, command.By)));
        }
        return Details();
    }

    /// <summary>
    /// A compare-and-set on the assignee: the router decided from what it knew, so the change lands only if nobody
    /// changed the assignee behind its back and no newer decision landed first. Its own changes need no nudge back.
    /// </summary>
    public async Task<ConversationDetails> RouteAsync(RouteConversation command)
    {
        RequireOpened();
        var agentId = command.AgentId is null ? null : Ids.Require(command.AgentId, "agent");
        var routable = State.Status is ConversationStatus.Open or ConversationStatus.Pending;
        var known = State.AssigneeId is null || State.AssigneeId == command.ReplacesAgentId;
        if (agentId != State.AssigneeId && routable && known && command.RouteNo >= State.LastRouteNo)
        {
            var name = agentId is null ? null : string.IsNullOrWhiteSpace(command.AgentName) ? agentId : command.AgentName.Trim();
            await RaiseAndAnnounceAsync(Router, new ConversationAssigned(NextSeq, agentId, name, Router, command.RouteNo));
        }
        return Details();
    }

    public async Task<ConversationDetails> SetPriorityAsync(SetPriority command)
    {
        RequireOpened();
        if (!Enum.IsDefined(command.Priority))
            throw new DomainException(DomainErrorKind.Invalid, $"Unknown priority {(int)command.Priority}.");
        if (command.Priority != State.Priority)
        {
            NudgeRouter(await RaiseAndAnnounceAsync(command.By, new ConversationPriorityChanged(command.Priority)));
            await SyncSlaReminderAsync();
        }
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
        return Task.FromResult<IReadOnlyList<MessageDetails>>(MessagesAfter(afterSeq));
    }

    public Task<IReadOnlyList<MessageDetails>> ReadThreadAsync(ReadThread command)
    {
        RequireOpened();
        var messages = MessagesAfter(command.AfterSeq);
        return Task.FromResult<IReadOnlyList<MessageDetails>>(
            messages.Any(m => m.Kind == MessageKind.Whisper) ? messages.Where(m => command.Reader.CanSee(m, State.AssigneeId)).ToList() : messages);
    }

    private List<MessageDetails> MessagesAfter(long afterSeq)
    {
        var from = (int)Math.Clamp(afterSeq, 0, State.Messages.Count);
        return State.Messages.GetRange(from, State.Messages.Count - from);
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
            State.AssigneeId, State.AssigneeName, State.SnoozedUntil, _summary?.SlaDueAt, _summary?.SlaBreached ?? false,
            State.Rating?.Score, State.Rating?.Comment, State.ReadUpTo, o.Skills);
    }
}
