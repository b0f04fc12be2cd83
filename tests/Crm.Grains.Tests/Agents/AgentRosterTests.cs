using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Roster;
using Crm.Testing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Agents;

/// <summary>The workspace roster: fed live by agent grains, and the same when rebuilt from the agent streams.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AgentRosterTests(CrmClusterFixture cluster)
{
    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    [Fact]
    public async Task GetAvailabilityAsync_NobodyConnected_AllOfflineAndNotAvailable()
    {
        await RegisteredAsync("alice", "bob");

        var availability = await EventuallyAsync(a => a.Offline == 2, "two registered agents, both offline");

        Assert.Equal(new AgentAvailability(workspaceId, 0, 0, 0, 2), availability);
        Assert.False(availability.AgentsAvailable);
    }

    [Fact]
    public async Task GetAvailabilityAsync_OnlineAwayAndOffline_CountsEachAndAvailable()
    {
        await RegisteredAsync("alice", "bob", "carol");
        await Agent("alice").HeartbeatAsync("tab-a");
        await Agent("bob").HeartbeatAsync("tab-b");
        await Agent("bob").SetPresenceAsync(new SetAgentPresence(AgentStatus.Away, "agent:bob"));

        var availability = await EventuallyAsync(a => a.Online == 1 && a.Away == 1, "alice online and bob away");

        Assert.Equal(new AgentAvailability(workspaceId, 1, 1, 0, 1), availability);
        Assert.True(availability.AgentsAvailable);
    }

    [Fact]
    public async Task GetAvailabilityAsync_OnlyAgentBusy_NotAvailable()
    {
        await RegisteredAsync("alice");
        await Agent("alice").HeartbeatAsync("tab-a");
        await Agent("alice").SetPresenceAsync(new SetAgentPresence(AgentStatus.Busy, "agent:alice"));

        var availability = await EventuallyAsync(a => a.Busy == 1, "alice busy");

        Assert.False(availability.AgentsAvailable);
    }

    [Fact]
    public async Task GetAvailabilityAsync_LastAgentLeavesAndGraceEnds_NotAvailableAgain()
    {
        await RegisteredAsync("alice");
        await Agent("alice").HeartbeatAsync("tab-a");
        await EventuallyAsync(a => a.AgentsAvailable, "alice online");

        await Agent("alice").DisconnectAsync("tab-a");
        cluster.Clock.Advance(AgentPresenceTimings.Grace);
        await Agent("alice").SweepAsync();

        Assert.Equal(new AgentAvailability(workspaceId, 0, 0, 0, 1), await EventuallyAsync(a => !a.AgentsAvailable, "alice offline"));
    }

    [Fact]
    public async Task ListAsync_AfterTheRosterIsDeactivated_RebuildsTheSameEntriesFromTheStore()
    {
        await RegisteredAsync("alice", "bob", "carol");
        await Agent("alice").HeartbeatAsync("tab-a");
        await Agent("bob").HeartbeatAsync("tab-b");
        await Agent("bob").SetPresenceAsync(new SetAgentPresence(AgentStatus.Busy, "agent:bob"));
        await EventuallyAsync(a => a.Online == 1 && a.Busy == 1, "alice online and bob busy");
        var live = await Roster().ListAsync();

        await cluster.DeactivateAsync(Roster());
        var rebuilt = await Roster().ListAsync();

        Assert.Equal(live, rebuilt);
        Assert.Equal(
            [("alice", AgentStatus.Online), ("bob", AgentStatus.Busy), ("carol", AgentStatus.Offline)],
            rebuilt.Select(e => (e.AgentId, e.Status)));
    }

    [Fact]
    public async Task GetAvailabilityAsync_AgentActivationLostWhileOnline_RosterWakesItAndItGoesOffline()
    {
        await RegisteredAsync("alice");
        await Agent("alice").HeartbeatAsync("tab-a");
        await EventuallyAsync(a => a.AgentsAvailable, "alice online");

        // As after a silo crash that took both: the store still says Online, and no console heartbeats any more.
        await cluster.DeactivateAsync(Agent("alice"));
        await cluster.DeactivateAsync(Roster());
        Assert.True((await Roster().GetAvailabilityAsync()).AgentsAvailable);
        // The rebuilt roster wakes alice; her new activation starts its grace now, and her own timer ends it.
        await Eventually.ReturnsAsync(() => cluster.HostOfAsync(Agent("alice")), silo => silo is not null, "the roster to wake alice");
        cluster.Clock.Advance(AgentPresenceTimings.Grace);

        await EventuallyAsync(a => !a.AgentsAvailable && a.Offline == 1, "alice offline once the grace passed without heartbeats");
    }

    private async Task RegisteredAsync(params string[] agentIds)
    {
        foreach (var agentId in agentIds)
            await Agent(agentId).RegisterAsync(new RegisterAgent(agentId, $"{agentId}@example.com", "agent", 3, "user:admin"));
    }

    private Task<AgentAvailability> EventuallyAsync(Func<AgentAvailability, bool> accept, string expectation) =>
        Eventually.ReturnsAsync(() => Roster().GetAvailabilityAsync(), accept, $"the roster to show {expectation}", TimeSpan.FromSeconds(15));

    private IAgentGrain Agent(string agentId) => cluster.Grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(workspaceId, agentId));

    private IAgentRosterGrain Roster() => cluster.Grains.GetGrain<IAgentRosterGrain>(workspaceId);
}
