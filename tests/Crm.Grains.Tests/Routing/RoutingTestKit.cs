using System.Collections.Concurrent;
using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Testing;
using Crm.Testing.Cluster;

namespace Crm.Grains.Tests.Routing;

/// <summary>
/// Given-steps for routing: a fresh workspace, queues, agents online through console heartbeats, conversations opened
/// into queues. Waiting for an outcome polls the conversation (the authority on its assignee), never the router, so a
/// test passes only if the router acted on its own nudges. Domain time moves through <see cref="AdvanceAsync"/>, which
/// keeps online agents' consoles beating: a jump past a lease would otherwise take them offline.
/// </summary>
internal sealed class RoutingTestKit(CrmClusterFixture cluster)
{
    public const string Admin = "user:admin";
    public static readonly Author Customer = new(AuthorKind.Customer, "cust-1", "Ada Lovelace");

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);
    // Open consoles by agent; concurrent, so a load test can bring many agents online at once.
    private readonly ConcurrentDictionary<string, string> sessions = new();

    public string WorkspaceId { get; } = TestKeys.NewWorkspaceId();

    public IRouterGrain Router => cluster.Grains.GetGrain<IRouterGrain>(WorkspaceId);

    public IConversationGrain Conversation(string id) => cluster.Grains.GetGrain<IConversationGrain>(GrainKeys.Scoped(WorkspaceId, id));

    public IAgentGrain Agent(string id) => cluster.Grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(WorkspaceId, id));

    public Task ConfigureQueueAsync(string queueId, QueuePolicy policy) =>
        Router.ConfigureQueueAsync(new ConfigureQueue(queueId, policy, Admin));

    /// <summary>Registers the agent with its routing settings and, unless told otherwise, opens their console (online).</summary>
    public async Task AgentAsync(string id, int chats, string[]? teams = null, string[]? skills = null, int tickets = 5, bool online = true)
    {
        await Agent(id).RegisterAsync(new RegisterAgent(id, $"{id}@example.com", "agent", chats, Admin));
        await Agent(id).ConfigureRoutingAsync(new ConfigureAgentRouting(chats, tickets, skills ?? [], teams ?? [], Admin));
        if (online) await OnlineAsync(id);
    }

    public async Task OnlineAsync(string agentId)
    {
        sessions[agentId] = $"tab-{Guid.NewGuid():n}";
        await Agent(agentId).HeartbeatAsync(sessions[agentId]);
    }

    /// <summary>The agent's console closes (their status holds for the grace).</summary>
    public async Task DisconnectAsync(string agentId)
    {
        await Agent(agentId).DisconnectAsync(sessions[agentId]);
        sessions.TryRemove(agentId, out _);
    }

    /// <summary>The agent's console closes and the grace passes: they are offline (others keep beating meanwhile).</summary>
    public async Task OfflineAsync(string agentId)
    {
        await DisconnectAsync(agentId);
        await AdvanceAsync(AgentPresenceTimings.Grace);
        await Eventually.ReturnsAsync(() => Agent(agentId).SweepAsync(), a => a.Status == AgentStatus.Offline, $"{agentId} offline");
    }

    /// <summary>Moves domain time in steps shorter than a console lease, each after a heartbeat of every open console.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        while (by > TimeSpan.Zero)
        {
            var step = by < Step ? by : Step;
            await Task.WhenAll(sessions.Select(s => Agent(s.Key).HeartbeatAsync(s.Value)));
            cluster.Clock.Advance(step);
            by -= step;
        }
    }

    public async Task<ConversationDetails> OpenAsync(string id, string? queueId = "support", Channel channel = Channel.Chat, string[]? skills = null) =>
        await Conversation(id).OpenAsync(new OpenConversation(Customer.Id, Customer.DisplayName, channel, "Help", queueId, Customer.Actor, skills));

    public Task ResolveAsync(string id, string agentId) =>
        Conversation(id).ChangeStatusAsync(new ChangeStatus(ConversationStatus.Resolved, null, new Author(AuthorKind.Agent, agentId, agentId)));

    /// <summary>Waits (by polling the conversation only) until its assignee is <paramref name="agentId"/> (null: unassigned).</summary>
    public Task<ConversationDetails> AssignedAsync(string conversationId, string? agentId) =>
        Eventually.ReturnsAsync(
            () => Conversation(conversationId).GetDetailsAsync(),
            d => d.AssigneeId == agentId,
            $"{conversationId} assigned to {agentId ?? "nobody"}");

    /// <summary>The router's view after it has read everything committed so far (a call makes it catch up and route).</summary>
    public Task<BoardDetails> BoardAsync() => Router.GetBoardAsync();

    public async Task<IReadOnlyList<string>> WaitingAsync(string queueId = "support") =>
        [.. (await Router.GetQueueAsync(queueId)).Waiting.Select(w => w.ConversationId)];

    public async Task<AgentWorkloadSummary> WorkloadAsync(string agentId) => (await BoardAsync()).Agents.Single(a => a.AgentId == agentId);

    public Task<IReadOnlyList<DomainEvent>> RouterEventsAsync() => cluster.ReadEventsAsync(StreamIds.Routing(WorkspaceId));

    /// <summary>The conversation's assignee changes, in order, as its stream has them.</summary>
    public async Task<IReadOnlyList<string?>> AssigneeHistoryAsync(string conversationId) =>
        [.. (await cluster.ReadEventsAsync(StreamIds.For(StreamIds.ConversationCategory, WorkspaceId, conversationId)))
            .OfType<ConversationAssigned>().Select(a => a.AgentId)];
}
