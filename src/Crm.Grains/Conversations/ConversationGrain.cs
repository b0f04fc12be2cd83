using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Routing;
using Crm.Grains.Sla;
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
    private const string SlaReminder = "sla";
    private static readonly Author Scheduler = new(AuthorKind.System, "scheduler", "System");
    private static readonly Author Router = new(AuthorKind.System, "routing", "Routing");

    // Orleans refuses a reminder due later than about 49.7 days (its timer limit); a longer wait fires early and re-arms.
    private static readonly TimeSpan MaxReminderWait = TimeSpan.FromDays(30);

    private ConversationSummary? _summary;

    // The row last pushed to the live feed, so the next push says what changed (see SummaryChanges).
    private ConversationSummary? _announced;

    // Resolved once per activation: GetGrain reflects over the interface's attributes on every call.
    private ILiveFeedPublisherGrain? _publisher;
    private IInboxGrain? _inbox;

    // The workspace's SLA settings as of this activation (refreshed when the "sla" reminder fires): a policy change
    // reaches a conversation the next time it evaluates, without a call to the workspace grain on every message.
    private SlaClock? _slaClock;

    // The due instant the "sla" reminder is known to be armed for (null: none); unknown until this activation arms it.
    // Lets a message that moves no SLA target skip the reminder-table write.
    private (bool Known, DateTimeOffset? At) _slaArmed;

    private string WorkspaceId => GrainKeys.Parse(this.GetPrimaryKeyString()).WorkspaceId;
    private string ConversationId => GrainKeys.Parse(this.GetPrimaryKeyString()).Id;
    private long NextSeq => State.LastSeq + 1;

    protected override string StreamId => StreamIds.For(StreamIds.ConversationCategory, WorkspaceId, ConversationId);

    private SlaClock SlaClock => _slaClock ?? throw new InvalidOperationException("The SLA settings load before the state is folded.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Before the replay: folding the summary computes its SLA columns with the workspace's policy.
        _slaClock = await WorkspaceSlaClock.LoadAsync(GrainFactory, WorkspaceId);
        await base.OnActivateAsync(cancellationToken);
    }

    protected override void OnApplied(DomainEvent @event, long version) =>
        _summary = ConversationSummaryProjection.Apply(_summary, @event, version, State.Sla, SlaClock);

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
        // The empty id would make every later message "a resend" of the first one and silently drop it.
        if (command.ClientMessageId == Guid.Empty)
            throw new DomainException(DomainErrorKind.Invalid, "A message needs a client message id: a new GUID per message, kept for retries.");
        if (State.MessageIndexByClientId.TryGetValue(command.ClientMessageId, out var index))
            return State.Messages[index];

        ConversationRules.RequireCanPost(State.Status, command.Author.Kind, command.Kind);
        var attachments = ConversationRules.RequireAttachments(WorkspaceId, command.Attachments);
        var body = MessageLimits.RequireBody(command.Body, attachments is not null);
        var mentions = command.Kind == MessageKind.Note && command.Mentions is { Count: > 0 } m
            ? m.Select(id => Ids.Require(id, "mentioned agent")).Distinct().ToArray()
            : null;
        var from = NextSeq;
        var posted = new MessagePosted(from, command.ClientMessageId, command.Author, body, command.Kind, mentions, attachments);
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

    /// <summary>
    /// The durable timers: they survive restarts because reminders are stored with the events. Each checks the domain
    /// clock before acting, and re-arms itself if it fired early.
    /// </summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        SnoozeReminder => WakeFromSnoozeAsync(),
        SlaReminder => CheckSlaAsync(),
        _ => Task.CompletedTask,
    };

    private async Task WakeFromSnoozeAsync()
    {
        if (State is { Status: ConversationStatus.Snoozed, SnoozedUntil: { } until } && Clock.GetUtcNow() >= until)
        {
            NudgeRouter(await RaiseAndAnnounceAsync(Scheduler, new ConversationStatusChanged(NextSeq, ConversationStatus.Snoozed, ConversationStatus.Open, null, Scheduler)));
            await SyncSlaReminderAsync();
        }
        await SyncSnoozeReminderAsync();
    }

    /// <summary>
    /// Records every target breached by now and not yet recorded in its cycle, each exactly once (the fold marks it
    /// reported, so a repeated or late firing finds nothing new), announces the row, and re-arms for the next target.
    /// </summary>
    private async Task CheckSlaAsync()
    {
        if (State.Sla is null) return;
        _slaClock = await WorkspaceSlaClock.LoadAsync(GrainFactory, WorkspaceId, _slaClock);
        var breaches = State.Sla.UnreportedBreaches(SlaClock, Clock.GetUtcNow());
        if (breaches.Count > 0)
        {
            await RaiseAsync(Scheduler.Actor, [.. breaches.Select(t => new ConversationSlaBreached(t.Metric, t.Due))]);
            Announce(NextSeq);
        }

        // A reminder that fired keeps ticking at its period unless re-registered, so always re-arm (or disarm) here.
        await SyncSlaReminderAsync(force: true);
    }

    /// <summary>A snoozed conversation has exactly one armed wake-up; any other status has none.</summary>
    private async Task SyncSnoozeReminderAsync()
    {
        if (State is { Status: ConversationStatus.Snoozed, SnoozedUntil: { } until })
            await this.RegisterOrUpdateReminder(SnoozeReminder, WaitUntil(until), TimeSpan.FromMinutes(1));
        else if (await this.GetReminder(SnoozeReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    /// <summary>
    /// While a target counts down, the "sla" reminder is armed at the earliest due instant (see
    /// <see cref="ConversationSla.DueAt"/>); when none does, it is gone. Called after every change that can move it.
    /// </summary>
    private async Task SyncSlaReminderAsync(bool force = false)
    {
        var due = State.Sla?.DueAt(SlaClock);
        if (!force && _slaArmed.Known && _slaArmed.At == due) return;
        if (due is { } at)
            await this.RegisterOrUpdateReminder(SlaReminder, WaitUntil(at), TimeSpan.FromMinutes(1));
        else if (await this.GetReminder(SlaReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
        _slaArmed = (true, due);
    }

    /// <summary>Domain time until <paramref name="instant"/>: at least a second (already due fires promptly), at most what Orleans accepts.</summary>
    private TimeSpan WaitUntil(DateTimeOffset instant)
    {
        var wait = instant - Clock.GetUtcNow();
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > MaxReminderWait ? MaxReminderWait : wait;
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
        var from = (int)Math.Clamp(afterSeq, 0, State.Messages.Count);
        return Task.FromResult<IReadOnlyList<MessageDetails>>(State.Messages.GetRange(from, State.Messages.Count - from));
    }

    private async Task<long> RaiseAndAnnounceAsync(Author by, DomainEvent @event)
    {
        var from = NextSeq;
        var position = await RaiseAsync(by.Actor, @event);
        Announce(from);
        return position;
    }

    /// <summary>
    /// After a commit routing cares about (opened with a queue, status, assignee, priority): one one-way nudge, and the
    /// router reads the fact itself from the store. Only conversations routing has a part in: opened with a queue, or
    /// routed once (a conversation queued by hand and never routed yet is caught up by the router's reminder).
    /// One-way also because the router calls conversations: neither ever waits on the other, so they cannot deadlock.
    /// </summary>
    private void NudgeRouter(long position)
    {
        if (State.Opened?.QueueId is not null || State.LastRouteNo > 0)
            _ = GrainFactory.GetGrain<IRouterGrain>(WorkspaceId).OnEventsCommittedAsync(position);
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
        items.Add(SummaryChanges.FeedItem(_announced, summary));
        _announced = summary;
        _publisher ??= GrainFactory.GetGrain<ILiveFeedPublisherGrain>(ILiveFeedPublisherGrain.Partition(ConversationId));
        _inbox ??= GrainFactory.GetGrain<IInboxGrain>(WorkspaceId);
        _ = _publisher.PublishAsync([.. items]);
        _ = _inbox.OnConversationChangedAsync(summary);
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
