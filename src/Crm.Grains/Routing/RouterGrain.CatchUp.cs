using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Projections;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Projections;
using Crm.Grains.Queues.Events;
using Crm.Grains.Routing.Events;

namespace Crm.Grains.Routing;

/// <summary>
/// The router as a projection: it reads the workspace's routing facts (<see cref="RoutingFacts.Filter"/>) through the
/// shared cursor and records them in its own stream with the position read to, so its checkpoint is committed with its
/// own writes.
/// </summary>
public sealed partial class RouterGrain
{
    private StreamProjection _projection = null!;
    private int _readSinceCheckpoint;

    // Read up to here (the cursor's checkpoint): every fact before it is recorded in State (or was none). Ahead of
    // State.Checkpoint only by events that held no fact; reset to it whenever a commit fails, so facts read but not
    // recorded are read again.
    private ProjectionCursor Cursor => _projection.Cursor;

    // A write race is no poison: the caller reloads and reads again (see ProcessAsync).
    private async Task StartReadingAsync(CancellationToken cancellationToken) =>
        _projection = await StreamProjection.StartAsync(ServiceProvider, this.AsReference<IProjectionPartitionGrain>(),
            $"{ProjectionKinds.Router}/{WorkspaceId}", RoutingFacts.Filter(WorkspaceId), State.Checkpoint,
            ex => ex is DomainException { Kind: DomainErrorKind.Conflict }, cancellationToken);

    private void StopReading() => _projection.Stop();

    /// <summary>
    /// Reads the workspace's events from the checkpoint to the head, in commit order, and records the facts among them
    /// with the position they were read to, in one commit per run of facts about different conversations. A fact about a
    /// conversation already in the pending commit, and every agent fact (going offline touches all their work), first
    /// commits what is pending, so each fact is judged against a state that includes all facts before it.
    /// </summary>
    private async Task CatchUpAsync()
    {
        if (Cursor.Checkpoint < State.Checkpoint) Cursor.Resume(State.Checkpoint);
        var pending = new List<DomainEvent>();
        var pendingKeys = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            // The shared paging loop: bounded pages of this workspace's routing facts, read to the head.
            await Cursor.CatchUpAsync(async stored =>
            {
                _readSinceCheckpoint++;
                if (!RoutingFacts.MayMatter(stored, StreamId)) return;
                // Everything before this event is read: what is pending is recorded with that position.
                var readBefore = Cursor.Checkpoint;
                var (_, category, id) = StreamIds.Parse(stored.StreamId)!.Value;
                var fact = EventSerializer.Deserialize(stored);
                var key = fact is ConversationEnqueued legacy ? $"{StreamIds.ConversationCategory}/{legacy.ConversationId}" : $"{category}/{id}";
                if (category == StreamIds.AgentCategory || pendingKeys.Contains(key))
                {
                    await CommitFactsAsync(pending, readBefore);
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
            });
        }
        catch (ProjectionStoppedException)
        {
            // Stopped at a fact it cannot record: what was read before it is recorded, so routing goes on from there.
            await CommitFactsAsync(pending, Cursor.Checkpoint);
            throw;
        }
        // Every routing fact of this workspace up to the position the store read to is read (the cursor moved there even
        // when nothing matched), so a quiet workspace does not rescan a busy store on each nudge.
        // Facts are recorded with the position read to; a long run of events without facts records that position alone
        // now and then, so a new activation does not read them all again.
        if (pending.Count > 0 || _readSinceCheckpoint >= CheckpointEvery && Cursor.Checkpoint > State.Checkpoint)
            await CommitFactsAsync(pending, Cursor.Checkpoint, evenWithoutFacts: true);
    }

    private async Task CommitFactsAsync(List<DomainEvent> facts, long readUpTo, bool evenWithoutFacts = false)
    {
        if (facts.Count == 0 && !evenWithoutFacts) return;
        await RaiseTrackedAsync(RoutingDefaults.Actor, [.. facts, new RoutingCaughtUp(readUpTo)]);
        facts.Clear();
        _readSinceCheckpoint = 0;
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
}
