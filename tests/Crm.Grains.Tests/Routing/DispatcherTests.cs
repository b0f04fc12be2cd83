using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.EventSourcing;
using Crm.Grains.Routing;
using Crm.Grains.Routing.Events;
using Xunit;

namespace Crm.Grains.Tests.Routing;

/// <summary>The routing rules without a cluster: given router events, when planning, then the decisions.</summary>
public sealed class DispatcherTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void InOrder_TakenBackThenPriorityThenArrival_OneExactOrder()
    {
        var state = Given(
            Queued("old-low", priority: 0, at: T0),
            Queued("new-urgent", priority: 3, at: T0.AddMinutes(2)),
            Queued("old-urgent", priority: 3, at: T0.AddMinutes(1)),
            Queued("same-time", priority: 0, at: T0),
            Queued("back", priority: 0, at: T0.AddMinutes(5), front: true));

        Assert.Equal(["back", "old-urgent", "new-urgent", "old-low", "same-time"], Dispatcher.InOrder(state.Work.Values).Select(w => w.ConversationId));
    }

    [Fact]
    public void Plan_ManyRandomStates_NeverOverCapacityAndNothingLeftWaitingBesideRoom()
    {
        var random = new Random(42);
        for (var round = 0; round < 200; round++)
        {
            var events = new List<DomainEvent> { Queue(random.Next(2) == 0 ? AssignmentPolicy.LeastLoaded : AssignmentPolicy.RoundRobin) };
            var agents = Enumerable.Range(0, random.Next(1, 8)).Select(i => $"a{i}").ToList();
            events.AddRange(agents.Select(a => Agent(a, random.Next(0, 4), skills: random.Next(3) == 0 ? ["de"] : [],
                status: random.Next(4) == 0 ? AgentStatus.Away : AgentStatus.Online)));
            events.AddRange(Enumerable.Range(0, random.Next(0, 30)).Select(i =>
                Queued($"c{i}", random.Next(4), T0.AddSeconds(random.Next(100)), skills: random.Next(5) == 0 ? ["de"] : [])));
            var state = Given([.. events]);

            foreach (var decision in Dispatcher.Plan(state, T0)) Apply(state, decision);

            var loads = state.Loads();
            Assert.All(state.Agents.Values, a => Assert.InRange(loads.GetValueOrDefault((a.AgentId, WorkKind.Chat)), 0, a.ChatCapacity));
            foreach (var waiting in state.Work.Values.Where(w => w.IsWaiting))
            {
                Assert.DoesNotContain(state.Agents.Values, a => a.Status == AgentStatus.Online
                    && Dispatcher.Eligible(a, state.PolicyOf("support"), waiting) && loads.GetValueOrDefault((a.AgentId, WorkKind.Chat)) < a.ChatCapacity);
            }
        }
    }

    [Fact]
    public void Plan_HolderOfReopenedWorkIsFull_TheyKeepItBecauseItsSlotIsTheirsAlready()
    {
        var state = Given(Queue(AssignmentPolicy.LeastLoaded), Agent("ann", 1), Agent("bob", 1),
            Queued("c1", priority: 1, at: T0, front: true, heldBy: "ann"));

        var decision = Assert.Single(Dispatcher.Plan(state, T0));

        Assert.Equal(new ConversationRouted("c1", "ann"), decision);
    }

    [Fact]
    public void Expire_OfferDueAndOverflowDue_BothAtTheirInstantNotBefore()
    {
        var state = Given(
            new RoutingQueueConfigured("support", new QueuePolicy(AssignmentPolicy.LeastLoaded, null, [], TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), "backup")),
            Agent("ann", 1),
            Queued("offered", priority: 1, at: T0),
            Queued("waiting", priority: 1, at: T0));
        Apply(state, new ConversationOffered("offered", "ann", T0.AddSeconds(30)) { At = T0 });

        Assert.Empty(Dispatcher.Expire(state, T0.AddSeconds(29)));
        Assert.Equal(T0.AddSeconds(30), Dispatcher.NextDue(state));
        Assert.Equal([new ConversationOfferExpired("offered", "ann")], Dispatcher.Expire(state, T0.AddSeconds(30)));
        Assert.Equal(
            [new ConversationOfferExpired("offered", "ann"), new ConversationOverflowed("waiting", "support", "backup")],
            Dispatcher.Expire(state, T0.AddMinutes(5)));
    }

    private static RouterState Given(params DomainEvent[] events)
    {
        var state = new RouterState();
        foreach (var e in events) Apply(state, e);
        return state;
    }

    private static void Apply(RouterState state, DomainEvent e) => state.Apply(e.At == default ? e with { At = T0 } : e);

    private static RoutingQueueConfigured Queue(AssignmentPolicy policy) => new("support", new QueuePolicy(policy));

    private static RoutingAgentUpdated Agent(string id, int chats, string[]? skills = null, AgentStatus status = AgentStatus.Online) =>
        new(id, id, status, T0, chats, 5, skills ?? [], []);

    private static ConversationQueued Queued(string id, int priority, DateTimeOffset at, bool front = false, string? heldBy = null, string[]? skills = null) =>
        new(id, "support", WorkKind.Chat, priority, skills ?? [], at, front, heldBy, 0);
}
