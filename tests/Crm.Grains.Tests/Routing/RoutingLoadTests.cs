using System.Collections.Concurrent;
using System.Diagnostics;
using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Agents.Events;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Routing;
using Crm.Grains.Routing.Events;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace Crm.Grains.Tests.Routing;

/// <summary>
/// Routing under load on the two-silo cluster: 500 chats, 30 agents with chat capacities 1–5, a least-loaded queue for
/// everyone and a round-robin queue for a team, a language skill. Agents resolve chats as they go; midway six agents
/// close their consoles for good and the silo running the router is stopped while chats keep arriving. The guarantees
/// are checked against the stored events of every conversation and of the router, not only against the end state.
/// </summary>
[Collection(SiloFailureCollection.Name)]
public sealed class RoutingLoadTests(CrmClusterFixture cluster, ITestOutputHelper output)
{
    private const int ConversationCount = 500;
    private const int AgentCount = 30;
    private const int Batch = 50;
    private static readonly string[] GoingOffline = ["a01", "a07", "a12", "a18", "a24", "a29"];

    private readonly RoutingTestKit kit = new(cluster);
    private readonly Random random = new(6);
    private readonly ConcurrentDictionary<string, string> resolvedBy = new();
    private int opened;
    private int retries;

    [Fact]
    public async Task Routing_500ChatsOn30AgentsLosingAgentsAndTheRoutersSiloMidway_NeverDoubleNeverOverCapacityEveryChatServed()
    {
        var stopwatch = Stopwatch.StartNew();
        var doomed = await cluster.RunningSecondarySiloAsync();
        await kit.ConfigureQueueAsync("support", new QueuePolicy(AssignmentPolicy.LeastLoaded, TeamId: "support"));
        await kit.ConfigureQueueAsync("billing", new QueuePolicy(AssignmentPolicy.RoundRobin, TeamId: "billing"));
        await Task.WhenAll(Enumerable.Range(0, AgentCount).Select(i => kit.AgentAsync(
            AgentId(i), chats: Capacity(i), teams: i % 3 == 0 ? ["support", "billing"] : ["support"], skills: i % 4 == 0 ? ["de"] : [])));
        await kit.BoardAsync();
        // The primary silo holds the test cluster's membership: the router lives on the secondary that will be stopped.
        await cluster.MoveToAsync(kit.Router, doomed);

        await OpenAndWorkAsync(300);
        foreach (var agentId in GoingOffline) await kit.DisconnectAsync(agentId);
        await kit.AdvanceAsync(AgentPresenceTimings.Grace);
        await Task.WhenAll(GoingOffline.Select(a => kit.Agent(a).SweepAsync()));
        var stopping = cluster.Cluster.StopSiloAsync(doomed);
        await OpenAndWorkAsync(ConversationCount - 300);
        await stopping;
        while (resolvedBy.Count < ConversationCount) await WorkRoundAsync(0.5);
        var served = stopwatch.Elapsed;

        // The last resolves reach the router by their nudges; asking for the board makes sure it has read them all.
        var end = await kit.BoardAsync();
        var router = await VerifyRouterHistoryAsync();
        await VerifyConversationHistoryAsync(router);
        Assert.All(end.Agents, a => Assert.Equal((0, 0), (a.ChatLoad, a.Conversations.Count)));
        Assert.All(end.Queues, q => Assert.Empty(q.Waiting));
        Assert.Equal(cluster.Cluster.Primary, await cluster.HostOfAsync(kit.Router));
        ReportShares(router, served);
    }

    /// <summary>Opens chats in batches at once, each batch followed by a round of agents resolving some of theirs.</summary>
    private async Task OpenAndWorkAsync(int count)
    {
        for (var left = count; left > 0; left -= Batch)
        {
            var ids = Enumerable.Range(opened, Math.Min(Batch, left)).ToList();
            opened += ids.Count;
            await Task.WhenAll(ids.Select(i => RetryAsync(() => kit.OpenAsync(ConversationId(i), i % 5 == 0 ? "billing" : "support",
                skills: i % 10 == 3 ? ["de"] : null))));
            await WorkRoundAsync(0.3);
        }
    }

    /// <summary>
    /// Once the router has caught up, nothing waits beside an eligible online agent with room (checked with a deadline,
    /// the router acting on its own nudges); then each assigned chat is resolved by its agent with the given chance.
    /// </summary>
    private async Task WorkRoundAsync(double chance)
    {
        var board = await Eventually.ReturnsAsync(
            () => RetryAsync(kit.BoardAsync), b => Stranded(b).Count == 0,
            "no chat waiting while an eligible online agent has room",
            TimeSpan.FromSeconds(20));
        var picked = board.Agents.SelectMany(a => a.Conversations.Select(c => (Agent: a.AgentId, Conversation: c)))
            .Where(_ => random.NextDouble() < chance)
            .ToList();
        await Task.WhenAll(picked.Select(async p =>
        {
            await RetryAsync(() => kit.ResolveAsync(p.Conversation, p.Agent));
            resolvedBy[p.Conversation] = p.Agent;
        }));
    }

    private static List<string> Stranded(BoardDetails board) =>
        [.. from queue in board.Queues
            from waiting in queue.Waiting
            from agent in board.Agents
            where agent.Status == AgentStatus.Online && agent.ChatLoad < agent.ChatCapacity
                && (queue.Policy!.TeamId is null || agent.Teams.Contains(queue.Policy.TeamId))
                && (waiting.Skills ?? []).All(agent.Skills.Contains)
            select $"{waiting.ConversationId} beside {agent.AgentId}"];

    /// <summary>
    /// Replays the router's own stream event by event: after every one, no agent holds more than their capacity, and the
    /// capacities are the ones configured. Returns the replayed decisions for the other checks.
    /// </summary>
    private async Task<IReadOnlyList<DomainEvent>> VerifyRouterHistoryAsync()
    {
        var events = await kit.RouterEventsAsync();
        var replay = new RouterState();
        foreach (var @event in events)
        {
            replay.Apply(@event);
            foreach (var ((agentId, kind), load) in replay.Loads())
                Assert.True(load <= replay.Agents[agentId].Capacity(kind), $"{agentId} held {load} {kind}s (capacity {replay.Agents[agentId].Capacity(kind)}) after router version {replay.Version}");
        }
        Assert.All(replay.Agents.Values, a => Assert.Equal(Capacity(int.Parse(a.AgentId[1..])), a.ChatCapacity));
        Assert.Empty(replay.Work);
        return events;
    }

    /// <summary>
    /// Replays every conversation's and agent's stored events of the workspace in commit order: no agent is ever the
    /// assignee of more open chats than their capacity; a chat only ever moves between agents off one who had gone
    /// offline; every routing decision landed exactly once, and every chat was assigned and resolved.
    /// </summary>
    private async Task VerifyConversationHistoryAsync(IReadOnlyList<DomainEvent> router)
    {
        var assignee = new Dictionary<string, string?>();
        var active = new Dictionary<string, bool>();
        var load = new Dictionary<string, int>();
        var offline = new HashSet<string>();
        var landed = 0;
        var prefix = StreamIds.WorkspacePrefix(kit.WorkspaceId);
        foreach (var stored in await ReadAllAsync(prefix))
        {
            var (category, id) = (stored.StreamId[prefix.Length..].Split('/')[0], stored.StreamId[prefix.Length..].Split('/')[1]);
            var @event = EventSerializer.IsKnown(stored.Type) ? EventSerializer.Deserialize(stored) : null;
            if (category == StreamIds.AgentCategory && @event is AgentPresenceChanged presence)
            {
                if (presence.Status == AgentStatus.Offline) offline.Add(id);
                else offline.Remove(id);
            }
            if (category != StreamIds.ConversationCategory) continue;

            var (before, wasActive) = (assignee.GetValueOrDefault(id), active.GetValueOrDefault(id));
            switch (@event)
            {
                case ConversationOpened:
                    active[id] = true;
                    break;
                case ConversationStatusChanged changed:
                    active[id] = changed.To is ConversationStatus.Open or ConversationStatus.Pending;
                    break;
                case ConversationAssigned assigned:
                    Assert.Equal(RoutingDefaults.Actor, assigned.By);
                    if (assigned.AgentId is not null) landed++;
                    if (before is not null && assigned.AgentId is not null)
                        Assert.True(offline.Contains(before), $"{id} moved from {before} to {assigned.AgentId} while {before} was online (position {stored.Position})");
                    assignee[id] = assigned.AgentId;
                    break;
            }
            if (before is not null && wasActive) load[before]--;
            if (assignee.GetValueOrDefault(id) is { } now && active.GetValueOrDefault(id))
            {
                load[now] = load.GetValueOrDefault(now) + 1;
                Assert.True(load[now] <= Capacity(int.Parse(now[1..])), $"{now} was the assignee of {load[now]} open chats at position {stored.Position}");
            }
        }

        var routed = router.OfType<ConversationRouted>().ToList();
        Assert.Equal(ConversationCount, assignee.Count);
        Assert.Equal(routed.Count, landed);
        Assert.All(Enumerable.Range(0, ConversationCount).Select(ConversationId), id =>
        {
            Assert.False(active[id], $"{id} still open");
            Assert.Equal(routed.Last(r => r.ConversationId == id).AgentId, assignee[id]);
            Assert.Equal(resolvedBy[id], assignee[id]);
        });
    }

    /// <summary>Prints each agent's share and the spread among agents of equal capacity who stayed online throughout.</summary>
    private void ReportShares(IReadOnlyList<DomainEvent> router, TimeSpan served)
    {
        var given = router.OfType<ConversationRouted>().CountBy(r => r.AgentId).ToDictionary(g => g.Key, g => g.Value);
        output.WriteLine($"{ConversationCount} chats, {AgentCount} agents, {given.Values.Sum()} routing decisions (requeues included), " +
            $"served in {served.TotalSeconds:0.0} s, {retries} client calls retried");
        output.WriteLine("capacity | agents online throughout | chats each (min / mean / max) | per unit of capacity");
        foreach (var group in Enumerable.Range(0, AgentCount).Where(i => !GoingOffline.Contains(AgentId(i))).GroupBy(Capacity).OrderBy(g => g.Key))
        {
            var shares = group.Select(i => given.GetValueOrDefault(AgentId(i))).ToList();
            output.WriteLine($"{group.Key,8} | {shares.Count,24} | {shares.Min(),4} / {shares.Average(),5:0.0} / {shares.Max(),4}" +
                $"          | {shares.Average() / group.Key,5:0.0}");
        }
        foreach (var i in Enumerable.Range(0, AgentCount))
            output.WriteLine($"{AgentId(i)} capacity {Capacity(i)}{(i % 3 == 0 ? " +billing" : "")}{(i % 4 == 0 ? " +de" : "")}" +
                $"{(GoingOffline.Contains(AgentId(i)) ? " (went offline)" : "")}: {given.GetValueOrDefault(AgentId(i))}");
    }

    private async Task<List<StoredEvent>> ReadAllAsync(string prefix)
    {
        var all = new List<StoredEvent>();
        while (true)
        {
            var page = await cluster.Store.ReadAllAsync(all.Count == 0 ? 0 : all[^1].Position, 5_000, prefix);
            all.AddRange(page);
            if (page.Count < 5_000) return all;
        }
    }

    /// <summary>Client calls while a silo stops can fail once in transit; a command here is idempotent, so it is sent again.</summary>
    private async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (ex is not DomainException && attempt < 20)
            {
                Interlocked.Increment(ref retries);
            }
        }
    }

    private Task RetryAsync(Func<Task> call) => RetryAsync(async () => { await call(); return true; });

    private static string AgentId(int i) => $"a{i:00}";

    private static int Capacity(int i) => i % 5 + 1;

    private static string ConversationId(int i) => $"c{i:000}";
}
