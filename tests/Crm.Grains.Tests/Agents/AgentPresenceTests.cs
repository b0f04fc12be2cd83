using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Agents.Events;
using Crm.Grains.EventSourcing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Agents;

/// <summary>
/// Presence derived from console sessions. The sweep decides only by the domain clock, so the tests advance the fake
/// clock and run the sweep themselves; the grain's real-time timer may run it as well, and reaches the same decision.
/// The clock is only ever advanced by less than a lease while a session should stay live, so that holds at any moment.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AgentPresenceTests(CrmClusterFixture cluster)
{
    private static readonly TimeSpan Grace = AgentPresenceTimings.Grace;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    [Fact]
    public async Task HeartbeatAsync_OfflineAgent_OnlineEventWithHowLongTheyWereOffline()
    {
        var registeredAt = await RegisteredAsync("alice");
        cluster.Clock.Advance(TimeSpan.FromMinutes(3));

        var details = await Agent("alice").HeartbeatAsync("tab-1");

        Assert.Equal((AgentStatus.Online, cluster.Clock.GetUtcNow()), (details.Status, details.StatusSince));
        Assert.Equal(
            [new AgentPresenceChanged(AgentStatus.Online, AgentStatus.Offline, TimeSpan.FromMinutes(3)) { At = registeredAt.AddMinutes(3), By = "agent:alice" }],
            await ChangesAsync("alice"));
    }

    [Fact]
    public async Task HeartbeatAsync_SecondTabAndRepeatedBeats_NoFurtherEvents()
    {
        await RegisteredAsync("alice");
        await Agent("alice").HeartbeatAsync("tab-1");

        await Agent("alice").HeartbeatAsync("tab-2");
        cluster.Clock.Advance(AgentPresenceTimings.HeartbeatEvery);
        await Agent("alice").HeartbeatAsync("tab-1");
        await Agent("alice").SweepAsync();

        Assert.Single(await ChangesAsync("alice"));
    }

    [Fact]
    public async Task DisconnectAsync_AllTabsGone_OfflineOnlyAfterTheGraceWithItsDuration()
    {
        await RegisteredAsync("alice");
        await Agent("alice").HeartbeatAsync("tab-1");
        await Agent("alice").HeartbeatAsync("tab-2");
        cluster.Clock.Advance(TimeSpan.FromSeconds(5));
        await Agent("alice").DisconnectAsync("tab-1");
        await Agent("alice").DisconnectAsync("tab-2");
        var goneAt = cluster.Clock.GetUtcNow();

        cluster.Clock.Advance(Grace - Second);
        var withinGrace = await Agent("alice").SweepAsync();
        cluster.Clock.Advance(Second);
        var afterGrace = await Agent("alice").SweepAsync();

        Assert.Equal(AgentStatus.Online, withinGrace.Status);
        Assert.Equal((AgentStatus.Offline, goneAt + Grace), (afterGrace.Status, afterGrace.StatusSince));
        var offline = (await ChangesAsync("alice"))[^1];
        Assert.Equal(
            new AgentPresenceChanged(AgentStatus.Offline, AgentStatus.Online, TimeSpan.FromSeconds(5) + Grace) { At = goneAt + Grace, By = AgentPresenceTimings.SystemActor },
            offline);
    }

    [Fact]
    public async Task SweepAsync_HeartbeatsStopWithoutDisconnect_OfflineAfterLeasePlusGrace()
    {
        await RegisteredAsync("alice");
        await Agent("alice").HeartbeatAsync("tab-1");
        var lastBeat = cluster.Clock.GetUtcNow();

        cluster.Clock.Advance(AgentPresenceTimings.SessionLease + Grace - Second);
        var justBefore = await Agent("alice").SweepAsync();
        cluster.Clock.Advance(Second);
        var after = await Agent("alice").SweepAsync();

        Assert.Equal(AgentStatus.Online, justBefore.Status);
        Assert.Equal((AgentStatus.Offline, lastBeat + AgentPresenceTimings.SessionLease + Grace), (after.Status, after.StatusSince));
        Assert.True(AgentPresenceTimings.SessionLease + Grace + AgentPresenceTimings.SweepEvery <= TimeSpan.FromSeconds(30),
            "A console that vanished (after its last heartbeat) must be Offline within 30 s, one sweep included.");
    }

    [Fact]
    public async Task HeartbeatAsync_BlipShorterThanTheGrace_NoEvents()
    {
        await RegisteredAsync("alice");
        await Agent("alice").HeartbeatAsync("tab-1");
        var before = await ChangesAsync("alice");

        await Agent("alice").DisconnectAsync("tab-1");
        cluster.Clock.Advance(Grace - Second);
        await Agent("alice").SweepAsync();
        var back = await Agent("alice").HeartbeatAsync("tab-1-reconnected");
        cluster.Clock.Advance(Grace + Second);
        await Agent("alice").SweepAsync();

        Assert.Equal(AgentStatus.Online, back.Status);
        Assert.Equal(before, await ChangesAsync("alice"));
    }

    [Fact]
    public async Task HeartbeatAsync_ReconnectAfterGoingOffline_BackToTheChosenAway()
    {
        await RegisteredAsync("alice");
        await Agent("alice").HeartbeatAsync("tab-1");
        await Agent("alice").SetPresenceAsync(new SetAgentPresence(AgentStatus.Away, "agent:alice"));
        await Agent("alice").DisconnectAsync("tab-1");
        cluster.Clock.Advance(Grace);
        Assert.Equal(AgentStatus.Offline, (await Agent("alice").SweepAsync()).Status);
        await cluster.DeactivateAsync(Agent("alice"));

        var back = await Agent("alice").HeartbeatAsync("tab-2");

        Assert.Equal(AgentStatus.Away, back.Status);
        Assert.Equal(
            [AgentStatus.Online, AgentStatus.Away, AgentStatus.Offline, AgentStatus.Away],
            (await ChangesAsync("alice")).Select(c => c.Status));
    }

    [Fact]
    public async Task HeartbeatAsync_BlipWhileAway_StaysAwayWithoutEvents()
    {
        await RegisteredAsync("alice");
        await Agent("alice").HeartbeatAsync("tab-1");
        await Agent("alice").SetPresenceAsync(new SetAgentPresence(AgentStatus.Away, "agent:alice"));

        await Agent("alice").DisconnectAsync("tab-1");
        cluster.Clock.Advance(Grace - Second);
        var back = await Agent("alice").HeartbeatAsync("tab-1");

        Assert.Equal(AgentStatus.Away, back.Status);
        Assert.Equal([AgentStatus.Online, AgentStatus.Away], (await ChangesAsync("alice")).Select(c => c.Status));
    }

    [Fact]
    public async Task SweepAsync_NewActivationWithoutHeartbeats_OfflineAfterTheGrace()
    {
        await RegisteredAsync("alice");
        await Agent("alice").HeartbeatAsync("tab-1");

        // As after a silo crash: the sessions are gone with the activation; the stored status still says Online.
        await cluster.DeactivateAsync(Agent("alice"));
        var reactivated = await Agent("alice").GetDetailsAsync();
        cluster.Clock.Advance(Grace);
        var after = await Agent("alice").SweepAsync();

        Assert.Equal(AgentStatus.Online, reactivated.Status);
        Assert.Equal(AgentStatus.Offline, after.Status);
    }

    [Fact]
    public async Task SweepAsync_NewActivationThenHeartbeat_StaysOnlineWithoutEvents()
    {
        await RegisteredAsync("alice");
        await Agent("alice").HeartbeatAsync("tab-1");
        var before = await ChangesAsync("alice");

        await cluster.DeactivateAsync(Agent("alice"));
        cluster.Clock.Advance(TimeSpan.FromSeconds(5));
        await Agent("alice").HeartbeatAsync("tab-1");
        cluster.Clock.Advance(Grace);
        var after = await Agent("alice").SweepAsync();

        Assert.Equal(AgentStatus.Online, after.Status);
        Assert.Equal(before, await ChangesAsync("alice"));
    }

    [Fact]
    public async Task SetPresenceAsync_NoConsoleOpen_RefusedAsConflict()
    {
        await RegisteredAsync("alice");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Agent("alice").SetPresenceAsync(new SetAgentPresence(AgentStatus.Online, "agent:alice")));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Empty(await ChangesAsync("alice"));
    }

    [Fact]
    public async Task SetPresenceAsync_Offline_RefusedAsInvalidBecauseItIsDerived()
    {
        await RegisteredAsync("alice");
        await Agent("alice").HeartbeatAsync("tab-1");

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Agent("alice").SetPresenceAsync(new SetAgentPresence(AgentStatus.Offline, "agent:alice")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Single(await ChangesAsync("alice"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task HeartbeatAsync_NoSessionId_RefusedAsInvalid(string sessionId)
    {
        await RegisteredAsync("alice");

        var refused = await Assert.ThrowsAsync<DomainException>(() => Agent("alice").HeartbeatAsync(sessionId));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
    }

    private async Task<DateTimeOffset> RegisteredAsync(string agentId)
    {
        var at = cluster.Clock.GetUtcNow();
        await Agent(agentId).RegisterAsync(new RegisterAgent(agentId, $"{agentId}@example.com", "agent", 3, "user:admin"));
        return at;
    }

    private IAgentGrain Agent(string agentId) => cluster.Grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(workspaceId, agentId));

    private async Task<List<AgentPresenceChanged>> ChangesAsync(string agentId) =>
        (await cluster.ReadEventsAsync(StreamIds.For(StreamIds.AgentCategory, workspaceId, agentId))).OfType<AgentPresenceChanged>().ToList();
}
