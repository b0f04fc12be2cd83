using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.EventSourcing;
using Crm.Grains.Routing.Events;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Routing;

/// <summary>The router's turn: catch up, expire, plan, deliver each decision to its conversation, hear back, publish.</summary>
public sealed partial class RouterGrain
{
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
                Cursor.Resume(State.Checkpoint);
                ExpectUndelivered();
            }
        }
        Publish();
        ArmWake();
        await SyncReminderAsync();
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

}
