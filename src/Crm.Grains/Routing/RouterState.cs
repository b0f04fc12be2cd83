using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.EventSourcing;
using Crm.Grains.Routing.Events;

namespace Crm.Grains.Routing;

[GenerateSerializer, Alias("crm.routing.router-state")]
public sealed class RouterState : IEventSourcedState
{
    [Id(0)] public Dictionary<string, QueuePolicy> Queues { get; } = new(StringComparer.Ordinal);
    [Id(1)] public Dictionary<string, RoutingAgent> Agents { get; } = new(StringComparer.Ordinal);

    /// <summary>Every conversation the router tracks, by id.</summary>
    [Id(2)] public Dictionary<string, RoutedWork> Work { get; } = new(StringComparer.Ordinal);

    /// <summary>Per queue, the agent it gave work to last: where round-robin carries on.</summary>
    [Id(3)] public Dictionary<string, string> LastGivenInQueue { get; } = new(StringComparer.Ordinal);

    /// <summary>The global position up to which the workspace's events are read and their facts recorded.</summary>
    [Id(4)] public long Checkpoint { get; private set; }

    /// <summary>
    /// The stream version this state is folded to: the fold sees every event of the stream once, in order, so counting
    /// them is the version. It numbers decisions (<see cref="RoutedWork.RouteNo"/>) without a counter of its own.
    /// </summary>
    [Id(5)] public long Version { get; private set; }

    /// <summary>
    /// Queues and agents whose board rows the applied events changed: for the live feed, emptied by whoever publishes.
    /// Not part of the fold's meaning, only a record of what it touched.
    /// </summary>
    [Id(6)] public HashSet<string> ChangedQueues { get; } = new(StringComparer.Ordinal);

    [Id(7)] public HashSet<string> ChangedAgents { get; } = new(StringComparer.Ordinal);

    [Id(8)] private long _arrivals;

    public QueuePolicy PolicyOf(string queueId) => Queues.GetValueOrDefault(queueId) ?? QueuePolicy.Manual;

    /// <summary>
    /// What each agent holds, per kind: work offered or assigned to them, and work whose conversation still names them
    /// while the router takes it back. This, never more than the capacity, is what "free capacity" is measured against.
    /// </summary>
    public Dictionary<(string AgentId, WorkKind Kind), int> Loads()
    {
        var loads = new Dictionary<(string, WorkKind), int>();
        foreach (var work in Work.Values)
        {
            if (work.AgentId is { } agentId) Count(agentId, work.Kind);
            if (work.HeldBy is { } heldBy && heldBy != work.AgentId) Count(heldBy, work.Kind);
        }
        return loads;

        void Count(string agentId, WorkKind kind) => loads[(agentId, kind)] = loads.GetValueOrDefault((agentId, kind)) + 1;
    }

    public void Apply(DomainEvent @event)
    {
        Version++;
        switch (@event)
        {
            case RoutingQueueConfigured e:
                Queues[e.QueueId] = e.Policy;
                ChangedQueues.Add(e.QueueId);
                break;
            case RoutingAgentUpdated e:
                var agent = AgentOf(e.AgentId);
                agent.Registered = true;
                agent.DisplayName = e.DisplayName;
                agent.Status = e.Status;
                agent.StatusSince = e.StatusSince;
                agent.ChatCapacity = e.ChatCapacity;
                agent.TicketCapacity = e.TicketCapacity;
                agent.Skills = e.Skills;
                agent.Teams = e.Teams;
                ChangedAgents.Add(e.AgentId);
                break;
            case ConversationQueued e:
                var queued = new RoutedWork(e.ConversationId)
                {
                    QueueId = e.QueueId, Kind = e.Kind, Priority = e.Priority, Skills = e.Skills, ArrivedAt = e.ArrivedAt,
                    WaitingSince = e.ArrivedAt, QueueEnteredAt = e.ArrivedAt, Front = e.Front, Arrival = ++_arrivals, HeldBy = e.HeldBy, Seq = e.Seq,
                    // Numbered like every change, so releasing a holder it comes back with is newer than that holder's route.
                    RouteNo = Version,
                };
                Work[e.ConversationId] = queued;
                Touched(queued);
                break;
            case ConversationRouted e:
                Change(e.ConversationId, w => Give(w, e.AgentId, WorkStage.Assigned, e.At));
                break;
            case ConversationOffered e:
                Change(e.ConversationId, w =>
                {
                    Give(w, e.AgentId, WorkStage.Offered, e.At);
                    w.OfferExpiresAt = e.ExpiresAt;
                });
                break;
            case ConversationOfferAccepted e:
                Change(e.ConversationId, w =>
                {
                    w.Stage = WorkStage.Assigned;
                    w.OfferExpiresAt = null;
                    CountGivenToday(AgentOf(e.AgentId), e.At);
                });
                break;
            case ConversationOfferDeclined e:
                Change(e.ConversationId, w => BackToWaiting(w, passedBy: e.AgentId));
                break;
            case ConversationOfferExpired e:
                Change(e.ConversationId, w => BackToWaiting(w, passedBy: e.AgentId));
                break;
            case ConversationRequeued e:
                ChangedAgents.Add(e.AgentId);
                Change(e.ConversationId, w =>
                {
                    w.PassedBy.Clear();
                    BackToWaiting(w, passedBy: e.AgentId);
                    w.Front = true;
                    w.WaitingSince = w.QueueEnteredAt = e.At;
                    if (e.AwaitsRelease) w.HeldBy = e.AgentId;
                });
                break;
            case ConversationReleased e:
                ChangedAgents.Add(e.AgentId);
                Change(e.ConversationId, w => w.HeldBy = w.HeldBy == e.AgentId ? null : w.HeldBy);
                break;
            case ConversationOverflowed e:
                ChangedQueues.Add(e.FromQueueId);
                Change(e.ConversationId, w =>
                {
                    w.QueueId = e.ToQueueId;
                    w.QueueEnteredAt = e.At;
                    w.PassedBy.Clear();
                });
                break;
            case ConversationAssignedManually e:
                Change(e.ConversationId, w =>
                {
                    if (w.AgentId is { } previous) ChangedAgents.Add(previous);
                    w.Stage = WorkStage.Assigned;
                    w.AgentId = e.AgentId;
                    w.OfferExpiresAt = null;
                    w.HeldBy = null;
                    w.Seq = e.Seq;
                    AgentOf(e.AgentId);
                });
                break;
            case ConversationRoutingEnded e:
                if (Work.Remove(e.ConversationId, out var ended)) Touched(ended);
                break;
            case ConversationReprioritized e:
                Change(e.ConversationId, w => w.Priority = e.Priority);
                break;
            case RoutingCaughtUp e:
                Checkpoint = Math.Max(Checkpoint, e.Position);
                break;
        }
    }

    private void Give(RoutedWork work, string agentId, WorkStage stage, DateTimeOffset at)
    {
        var agent = AgentOf(agentId);
        work.Stage = stage;
        work.AgentId = agentId;
        agent.LastGivenNo = Version;
        LastGivenInQueue[work.QueueId] = agentId;
        if (stage == WorkStage.Assigned) CountGivenToday(agent, at);
    }

    private static void BackToWaiting(RoutedWork work, string? passedBy)
    {
        if (passedBy is not null) work.PassedBy.Add(passedBy);
        work.Stage = WorkStage.Waiting;
        work.AgentId = null;
        work.OfferExpiresAt = null;
    }

    private static void CountGivenToday(RoutingAgent agent, DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        agent.GivenOnDay = agent.Day == day ? agent.GivenOnDay + 1 : 1;
        agent.Day = day;
    }

    /// <summary>Changes tracked work (events about work no longer tracked change nothing) and notes what the board shows of it.</summary>
    private void Change(string conversationId, Action<RoutedWork> change)
    {
        if (!Work.TryGetValue(conversationId, out var work)) return;
        Touched(work);
        change(work);
        work.RouteNo = Version;
        Touched(work);
    }

    private void Touched(RoutedWork work)
    {
        ChangedQueues.Add(work.QueueId);
        if (work.AgentId is { } agentId) ChangedAgents.Add(agentId);
        if (work.HeldBy is { } heldBy) ChangedAgents.Add(heldBy);
    }

    /// <summary>An agent the router has not seen registered yet (assigned by hand, say) counts as offline with no capacity.</summary>
    private RoutingAgent AgentOf(string agentId)
    {
        if (!Agents.TryGetValue(agentId, out var agent))
        {
            Agents[agentId] = agent = new RoutingAgent(agentId) { TicketCapacity = 0 };
            ChangedAgents.Add(agentId);
        }
        return agent;
    }
}
