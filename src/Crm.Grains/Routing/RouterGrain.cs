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
using Crm.Grains.Projections;
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
/// Facts come from the store, not from messages: the router is a projection ("router/{workspace}") that reads the
/// workspace's routing facts from its checkpoint through the shared <see cref="ProjectionCursor"/>, in commit order,
/// and records what changes routing (a queue's new work, a resolve, a presence change) in its own stream together with
/// the checkpoint (<c>RouterGrain.CatchUp.cs</c>). Grains nudge it after such a commit and the silo's projection waker
/// after every commit, so it drains the backlog at once, but a lost nudge loses nothing: the next one, any call, the
/// waker's poll or the reminder reads on from the checkpoint. Its state is snapshotted every
/// <see cref="SnapshotEvery"/> events of its own stream, so an activation reads the snapshot plus the tail.
/// </para>
/// <para>
/// Decisions are committed first and then delivered to each conversation (the authority on its own assignee) with one
/// compare-and-set call, in parallel (<c>RouterGrain.Dispatch.cs</c>); timers and the reminder live in
/// <c>RouterGrain.Wakes.cs</c>. A conversation that answers otherwise (a person assigned it meanwhile, it was
/// resolved) is believed, and recorded. A new activation re-delivers what it cannot know was delivered (idempotent).
/// </para>
/// Not reentrant: one turn at a time reads, decides, commits and delivers, so decisions are made in one total order.
/// </summary>
public sealed partial class RouterGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock, ILogger<RouterGrain> logger)
    : EventSourcedGrain<RouterState>(store, clock), IRouterGrain, IRemindable
{
    // Events read past the stored checkpoint before one is recorded without a fact: bounds what a new activation re-reads.
    private const int CheckpointEvery = 1_000;

    // Rounds of route-then-hear-back per turn: only an answer that frees a slot makes another round worth it.
    private const int MaxRounds = 4;

    // Conversations whose assignee may differ from the router's plan: delivered at the end of the turn, kept on failure.
    private readonly HashSet<string> _toDeliver = new(StringComparer.Ordinal);

    private string WorkspaceId => this.GetPrimaryKeyString();

    protected override string StreamId => StreamIds.Routing(WorkspaceId);

    protected override int SnapshotEvery => 1_000;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        State.ChangedQueues.Clear();
        State.ChangedAgents.Clear();
        ExpectUndelivered();
        await StartReadingAsync(cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopReading();
        return base.OnDeactivateAsync(reason, cancellationToken);
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

    public Task OnEventsCommittedAsync(long position) => position > Cursor.Checkpoint ? ProcessAsync() : Task.CompletedTask;

    public Task WakeAsync() => ProcessAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => ProcessAsync();
}

