using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Queues;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Queues.Events;
using Crm.Grains.Routing.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Routing;

/// <summary>
/// A workspace's routing, decided in one place. Why one grain per workspace and not one per queue or per agent: an
/// agent serves several queues with one capacity, so "never over capacity" and "never two assignees" are invariants
/// across queues; a single writer whose every decision is appended at the stream version it was read from makes them
/// hold by construction, on any silo and through failovers (a stale second activation's append fails, and it reloads).
/// <para>
/// Facts come from the store, not from messages: the router reads the workspace's events from its checkpoint, in
/// commit order, and records what changes routing (a queue's new work, a resolve, a presence change) in its own stream
/// together with the checkpoint. Grains nudge it after such a commit, so it drains the backlog at once, but a lost
/// nudge loses nothing: the next one, any call, or the reminder reads on from the checkpoint.
/// </para>
/// <para>
/// Decisions are committed first and then delivered to each conversation (the authority on its own assignee) with one
/// compare-and-set call, in parallel. A conversation that answers otherwise (a person assigned it meanwhile, it was
/// resolved) is believed, and recorded. A new activation re-delivers what it cannot know was delivered (idempotent).
/// </para>
/// Not reentrant: one turn at a time reads, decides, commits and delivers, so decisions are made in one total order.
/// </summary>
public sealed class RouterGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock, ILogger<RouterGrain> logger)
    : EventSourcedGrain<RouterState>(store, clock), IRouterGrain, IRemindable
{
    private const int PageSize = 1_000;

    // Events read past the stored checkpoint before one is recorded without a fact: bounds what a new activation re-reads.
    private const int CheckpointEvery = 1_000;

    // Rounds of route-then-hear-back per turn: only an answer that frees a slot makes another round worth it.
    private const int MaxRounds = 4;

    private const string Reminder = "routing";

    // The reminder is the safety net (a lost nudge, a silo crash while work waits): Orleans' minimum period.
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinWake = TimeSpan.FromMilliseconds(50);

    private readonly IEventStore _store = store;

    // Conversations whose assignee may differ from the router's plan: delivered at the end of the turn, kept on failure.
    private readonly HashSet<string> _toDeliver = new(StringComparer.Ordinal);

    // Read up to here: every fact before it is recorded in State (or was none). Ahead of State.Checkpoint only by events
    // that held no fact; reset to it whenever a commit fails, so facts read but not recorded are read again.
    private long _position;
    private int _readSinceCheckpoint;
    private bool? _reminderArmed;
    private IGrainTimer? _wake;

    private string WorkspaceId => this.GetPrimaryKeyString();

    protected override string StreamId => StreamIds.Routing(WorkspaceId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        State.ChangedQueues.Clear();
        State.ChangedAgents.Clear();
        ExpectUndelivered();
    }

    public async Task<QueueDetails> ConfigureQueueAsync(ConfigureQueue command)
    {
        var queueId = Ids.Require(command.QueueId, "queue");
        var policy = QueuePolicyRules.Require(queueId, command.Policy);
        if (!QueuePolicyRules.Same(State.PolicyOf(queueId), policy))
            await RaiseAsync(command.Actor, new RoutingQueueConfigured(queueId, policy));
        await ProcessAsync();
        return BoardProjection.Queue(State, WorkspaceId, queueId, Clock.GetUtcNow());
    }

    public async Task<QueueDetails> EnqueueAsync(EnqueueConversation command)
    {
        var queueId = Ids.Require(command.QueueId, "queue");
        var conversationId = Ids.Require(command.ConversationId, "conversation");
        if (command.Priority is < 0 or > 3)
            throw new DomainException(DomainErrorKind.Invalid, "Priority must be 0 (low) to 3 (urgent).");
        // Read first: the conversation may be tracked already through a fact not read yet (opened with a queue).
        await CatchUpAsync();
        if (!State.Work.ContainsKey(conversationId))
        {
            var details = await Conversation(conversationId).GetDetailsAsync();
            if (!RoutingFacts.IsActive(details.Status))
                throw new DomainException(DomainErrorKind.Conflict, "Only an open or pending conversation can wait in a queue.");
            await RaiseTrackedAsync(command.Actor, RoutingFacts.Queued(State, details, queueId, command.Priority, front: false, Clock.GetUtcNow()));
        }
        await ProcessAsync();
        return BoardProjection.Queue(State, WorkspaceId, queueId, Clock.GetUtcNow());
    }

    public async Task<ConversationDetails> AcceptOfferAsync(AnswerOffer command)
    {
        var (conversationId, agentId) = (Ids.Require(command.ConversationId, "conversation"), Ids.Require(command.AgentId, "agent"));
        // Expire first: an offer past its timeout is gone even if the sweep has not run yet.
        await ProcessAsync();
        if (State.Work.GetValueOrDefault(conversationId) is not { Stage: WorkStage.Offered } offered || offered.AgentId != agentId)
            throw new DomainException(DomainErrorKind.Conflict, "This conversation is not offered to you any more.");
        await RaiseTrackedAsync(command.Actor, [new ConversationOfferAccepted(conversationId, agentId)]);
        await ProcessAsync();
        if (State.Work.GetValueOrDefault(conversationId) is not { Stage: WorkStage.Assigned } assigned || assigned.AgentId != agentId)
            throw new DomainException(DomainErrorKind.Conflict, "This conversation was taken or closed meanwhile.");
        return await Conversation(conversationId).GetDetailsAsync();
    }

    public async Task DeclineOfferAsync(AnswerOffer command)
    {
        var (conversationId, agentId) = (Ids.Require(command.ConversationId, "conversation"), Ids.Require(command.AgentId, "agent"));
        await ProcessAsync();
        if (State.Work.GetValueOrDefault(conversationId) is { Stage: WorkStage.Offered } offered && offered.AgentId == agentId)
        {
            await RaiseTrackedAsync(command.Actor, [new ConversationOfferDeclined(conversationId, agentId)]);
            await ProcessAsync();
        }
    }

    public async Task<BoardDetails> GetBoardAsync()
    {
        await ProcessAsync();
        return BoardProjection.Board(State, WorkspaceId, Clock.GetUtcNow());
    }

    public async Task<QueueDetails> GetQueueAsync(string queueId)
    {
        var id = Ids.Require(queueId, "queue");
        await ProcessAsync();
        return BoardProjection.Queue(State, WorkspaceId, id, Clock.GetUtcNow());
    }

    public Task SweepAsync() => ProcessAsync();

    public Task OnEventsCommittedAsync(long position) => position > _position ? ProcessAsync() : Task.CompletedTask;

    public Task ReceiveReminder(string reminderName, TickStatus status) => ProcessAsync();

    /// <summary>
    /// One turn: read the facts, expire what is due by the domain clock, hand out work, deliver, and hear back (which
    /// can free slots and hand out more). Then publish what changed and arm the timer for the next due instant.
    /// </summary>
    private async Task ProcessAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CatchUpAsync();
                await RaiseTrackedAsync(RoutingDefaults.Actor, Dispatcher.Expire(State, Clock.GetUtcNow()));
                for (var round = 0; round < MaxRounds; round++)
                {
                    await RaiseTrackedAsync(RoutingDefaults.Actor, Dispatcher.Plan(State, Clock.GetUtcNow()));
                    var answers = await DeliverAsync();
                    if (answers.Count == 0) break;
                    await RaiseTrackedAsync(RoutingDefaults.Actor, answers);
                }
                break;
            }
            catch (DomainException ex) when (ex.Kind == DomainErrorKind.Conflict && attempt < 3)
            {
                // Another activation of this router wrote meanwhile (only while a silo failure is being detected). The
                // state was reloaded from the store: read on from its checkpoint, and decide again from the truth.
                logger.LogInformation("Router of workspace {WorkspaceId} lost a write race; deciding again from the store", WorkspaceId);
                _position = State.Checkpoint;
                ExpectUndelivered();
            }
        }
        Publish();
        ArmWake();
        await SyncReminderAsync();
    }

    /// <summary>
    /// Reads the workspace's events from the checkpoint to the head, in commit order, and records the facts among them
    /// with the position they were read to, in one commit per run of facts about different conversations. A fact about a
    /// conversation already in the pending commit, and every agent fact (going offline touches all their work), first
    /// commits what is pending, so each fact is judged against a state that includes all facts before it.
    /// </summary>
    private async Task CatchUpAsync()
    {
        var prefix = StreamIds.WorkspacePrefix(WorkspaceId);
        var read = _position = Math.Max(_position, State.Checkpoint);
        var head = await _store.GetHeadPositionAsync();
        var pending = new List<DomainEvent>();
        var pendingKeys = new HashSet<string>(StringComparer.Ordinal);
        // The shared paging loop (StoreTail): the same page boundaries as every other projection that tails the store.
        await foreach (var stored in _store.ReadAfterAsync(read, prefix, PageSize))
        {
            if (RoutingFacts.MayMatter(stored, StreamId))
            {
                var (category, id) = Split(stored.StreamId, prefix);
                var fact = EventSerializer.Deserialize(stored);
                var key = fact is ConversationEnqueued legacy ? $"{StreamIds.ConversationCategory}/{legacy.ConversationId}" : $"{category}/{id}";
                if (category == StreamIds.AgentCategory || pendingKeys.Contains(key))
                {
                    await CommitFactsAsync(pending, read);
                    pendingKeys.Clear();
                }
                var events = await RecordAsync(category, id, fact);
                pending.AddRange(events);
                if (events.Count > 0) pendingKeys.Add(key);
                if (category == StreamIds.AgentCategory)
                {
                    await CommitFactsAsync(pending, stored.Position);
                    pendingKeys.Clear();
                }
            }
            read = stored.Position;
            _readSinceCheckpoint++;
        }
        // Every event of this workspace up to the head seen before reading has been read (the store commits positions in
        // increasing order): the next read starts there, so a quiet workspace does not rescan a busy store on each nudge.
        read = Math.Max(read, head);
        if (pending.Count > 0 || _readSinceCheckpoint >= CheckpointEvery && read > State.Checkpoint)
            await CommitFactsAsync(pending, read);
        _position = read;
    }

    private async Task CommitFactsAsync(List<DomainEvent> facts, long readUpTo)
    {
        if (facts.Count == 0) return;
        await RaiseTrackedAsync(RoutingDefaults.Actor, [.. facts, new RoutingCaughtUp(readUpTo)]);
        facts.Clear();
        _readSinceCheckpoint = 0;
        _position = readUpTo;
    }

    /// <summary>The router's events for one fact read from the store (a reopened or legacy-queued conversation is looked up as it is now).</summary>
    private async Task<IReadOnlyList<DomainEvent>> RecordAsync(string category, string id, DomainEvent fact)
    {
        switch (fact)
        {
            case ConversationOpened opened:
                return RoutingFacts.Opened(State, id, opened);
            case ConversationStatusChanged changed when RoutingFacts.IsReopening(State, id, changed):
                var reopened = await FindConversationAsync(id);
                return RoutingFacts.Queued(State, reopened, reopened?.QueueId, (int)(reopened?.Priority ?? Priority.Normal), front: true, changed.At);
            case ConversationStatusChanged changed:
                return RoutingFacts.StatusChanged(State, id, changed);
            case ConversationAssigned assigned:
                return RoutingFacts.Assigned(State, id, assigned.Seq, assigned.AgentId);
            case ConversationPriorityChanged priority:
                return RoutingFacts.PriorityChanged(State, id, priority.Priority);
            case ConversationEnqueued legacy when category == StreamIds.QueueCategory:
                // Queued through the queue grain before the router existed: those waiting lists carry over.
                var waiting = await FindConversationAsync(legacy.ConversationId);
                return RoutingFacts.Queued(State, waiting, id, legacy.Priority, front: false, legacy.At);
            case var agentFact when category == StreamIds.AgentCategory:
                return RoutingFacts.AgentChanged(State, id, agentFact);
            default:
                return [];
        }
    }

    /// <summary>
    /// Tells each conversation whose assignee may differ from the plan, all at once; each call is one compare-and-set
    /// commit in that conversation (group-committed together by the store). Returns what their answers mean.
    /// </summary>
    private async Task<List<DomainEvent>> DeliverAsync()
    {
        var due = _toDeliver.Select(id => State.Work.GetValueOrDefault(id)).OfType<RoutedWork>()
            .Where(w => w.Stage == WorkStage.Assigned || w.HeldBy is not null)
            .ToList();
        _toDeliver.Clear();
        if (due.Count == 0) return [];

        var answers = await Task.WhenAll(due.Select(RouteAsync));
        var events = new List<DomainEvent>();
        foreach (var (work, answer) in due.Zip(answers))
        {
            if (answer.Failed)
                _toDeliver.Add(work.ConversationId);
            else
                events.AddRange(RoutingFacts.Delivered(work, answer.Details));
        }
        return events;
    }

    private async Task<(bool Failed, ConversationDetails? Details)> RouteAsync(RoutedWork work)
    {
        var agentId = work.Stage == WorkStage.Assigned ? work.AgentId : null;
        var name = agentId is null ? null : State.Agents.GetValueOrDefault(agentId)?.DisplayName;
        try
        {
            return (false, await Conversation(work.ConversationId).RouteAsync(new RouteConversation(agentId, name, work.HeldBy, work.RouteNo)));
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            return (false, null);
        }
        catch (Exception ex)
        {
            // A silo going away, a timeout: the decision stands, and is delivered again shortly (the call is idempotent).
            logger.LogWarning(ex, "Delivering the route of {ConversationId} in workspace {WorkspaceId} failed; retrying", work.ConversationId, WorkspaceId);
            return (true, null);
        }
    }

    /// <summary>Commits the events and notes which conversations must hear about them.</summary>
    private async Task RaiseTrackedAsync(string actor, IReadOnlyList<DomainEvent> events)
    {
        if (events.Count == 0) return;
        await RaiseAsync(actor, [.. events]);
        foreach (var @event in events)
        {
            switch (@event)
            {
                case ConversationRouted e: _toDeliver.Add(e.ConversationId); break;
                case ConversationOfferAccepted e: _toDeliver.Add(e.ConversationId); break;
                case ConversationRequeued { AwaitsRelease: true } e: _toDeliver.Add(e.ConversationId); break;
                case ConversationQueued { HeldBy: not null } e: _toDeliver.Add(e.ConversationId); break;
            }
        }
    }

    /// <summary>A new activation (or one that lost a write race) cannot know what was delivered: everything assigned or held is delivered again.</summary>
    private void ExpectUndelivered()
    {
        foreach (var work in State.Work.Values.Where(w => w.Stage == WorkStage.Assigned || w.HeldBy is not null))
            _toDeliver.Add(work.ConversationId);
    }

    /// <summary>One live-feed publish per turn: the queues and agents whose board rows changed.</summary>
    private void Publish()
    {
        if (State.ChangedQueues.Count == 0 && State.ChangedAgents.Count == 0) return;
        var board = BoardProjection.Board(State, WorkspaceId, Clock.GetUtcNow(), State.ChangedQueues, State.ChangedAgents);
        State.ChangedQueues.Clear();
        State.ChangedAgents.Clear();
        LiveFeedItem[] items = [.. board.Queues.Select(q => new QueueFeedItem(q)), .. board.Agents.Select(a => new AgentWorkloadFeedItem(a))];
        _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync(items);
    }

    /// <summary>
    /// One timer, armed for the next offer timeout or overflow (domain time, waited in real time), or a delivery retry.
    /// It keeps the activation alive while armed; a crash loses it, and the reminder takes over.
    /// </summary>
    private void ArmWake()
    {
        var now = Clock.GetUtcNow();
        TimeSpan? wait = Dispatcher.NextDue(State) is { } due ? due - now : null;
        if (_toDeliver.Count > 0 && (wait is null || wait > RetryAfter)) wait = RetryAfter;
        if (wait is null)
        {
            _wake?.Dispose();
            _wake = null;
            return;
        }
        var dueTime = wait < MinWake ? MinWake : wait.Value;
        if (_wake is null)
            _wake = this.RegisterGrainTimer(_ => ProcessAsync(), new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        else
            _wake.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    /// <summary>While any work is tracked, a durable reminder wakes the router (after a crash, or if every nudge was lost).</summary>
    private async Task SyncReminderAsync()
    {
        var wanted = State.Work.Count > 0;
        if (_reminderArmed == wanted) return;
        try
        {
            if (wanted)
                await this.RegisterOrUpdateReminder(Reminder, ReminderPeriod, ReminderPeriod);
            else if (await this.GetReminder(Reminder) is { } reminder)
                await this.UnregisterReminder(reminder);
            _reminderArmed = wanted;
        }
        catch (Exception ex)
        {
            // A safety net only: routing goes on without it, and the next turn tries again.
            logger.LogWarning(ex, "Syncing the routing reminder of workspace {WorkspaceId} failed", WorkspaceId);
        }
    }

    private async Task<ConversationDetails?> FindConversationAsync(string conversationId)
    {
        try
        {
            return await Conversation(conversationId).GetDetailsAsync();
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            return null;
        }
    }

    private IConversationGrain Conversation(string conversationId) =>
        GrainFactory.GetGrain<IConversationGrain>(GrainKeys.Scoped(WorkspaceId, conversationId));

    /// <summary>"{workspace}/{category}/{id}" into its category and id (the prefix is the workspace's).</summary>
    private static (string Category, string Id) Split(string streamId, string prefix)
    {
        var rest = streamId[prefix.Length..];
        var slash = rest.IndexOf('/');
        return slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..]);
    }
}
