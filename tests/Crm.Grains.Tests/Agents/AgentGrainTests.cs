using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Agents.Events;
using Crm.Grains.EventSourcing;
using Crm.Testing.Cluster;
using Xunit;

namespace Crm.Grains.Tests.Agents;

[Collection(ClusterCollection.Name)]
public sealed class AgentGrainTests(CrmClusterFixture cluster)
{
    private static readonly RegisterAgent Alice = new("Alice Smith", "alice@example.com", "agent", 3, "user:admin");

    private readonly string workspaceId = TestKeys.NewWorkspaceId();

    [Fact]
    public async Task RegisterAsync_NewAgent_OfflineSinceRegistration()
    {
        var registered = await Agent("alice").RegisterAsync(Alice with { DisplayName = "  Alice Smith " });

        Assert.Equal(new AgentDetails(workspaceId, "alice", "Alice Smith", "alice@example.com", "agent", 3,
            AgentStatus.Offline, cluster.Clock.GetUtcNow()), registered);
        Assert.Equal(registered, await Agent("alice").GetDetailsAsync());
        Assert.IsType<AgentRegistered>(Assert.Single(await Events("alice")));
    }

    [Fact]
    public async Task RegisterAsync_SameProfileAgain_WritesNothing()
    {
        var first = await Agent("alice").RegisterAsync(Alice);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await Agent("alice").RegisterAsync(Alice with { Actor = "user:someone-else" });

        Assert.Equal(first, again);
        Assert.Single(await Events("alice"));
    }

    [Fact]
    public async Task RegisterAsync_ChangedProfile_WritesItAndKeepsPresence()
    {
        await Agent("alice").RegisterAsync(Alice);
        var online = await Agent("alice").HeartbeatAsync("tab-1");

        var updated = await Agent("alice").RegisterAsync(Alice with { ChatCapacity = 5 });

        Assert.Equal(online with { ChatCapacity = 5 }, updated);
        Assert.Equal(3, (await Events("alice")).Count);
    }

    [Theory]
    [InlineData("", 3, "display name")]
    [InlineData("   ", 3, "display name")]
    [InlineData("Alice", -1, "capacity")]
    [InlineData("Alice", 51, "capacity")]
    public async Task RegisterAsync_InvalidProfile_RefusedAndNothingWritten(string displayName, int capacity, string mentioned)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Agent("alice").RegisterAsync(Alice with { DisplayName = displayName, ChatCapacity = capacity }));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Contains(mentioned, refused.Message);
        Assert.Empty(await Events("alice"));
    }

    [Fact]
    public async Task SetPresenceAsync_StatusChanges_EachRecordsHowLongThePreviousStatusLasted()
    {
        var registeredAt = cluster.Clock.GetUtcNow();
        await Agent("alice").RegisterAsync(Alice);

        cluster.Clock.Advance(TimeSpan.FromSeconds(90));
        await Agent("alice").HeartbeatAsync("tab-1");
        await AdvanceConnectedAsync("alice", TimeSpan.FromMinutes(25));
        var away = await Agent("alice").SetPresenceAsync(new SetAgentPresence(AgentStatus.Away, "agent:alice"));

        var changes = (await Events("alice")).OfType<AgentPresenceChanged>().ToList();
        Assert.Equal(
            [
                new AgentPresenceChanged(AgentStatus.Online, AgentStatus.Offline, TimeSpan.FromSeconds(90))
                    { At = registeredAt.AddSeconds(90), By = "agent:alice" },
                new AgentPresenceChanged(AgentStatus.Away, AgentStatus.Online, TimeSpan.FromMinutes(25))
                    { At = registeredAt.AddSeconds(90).AddMinutes(25), By = "agent:alice" },
            ],
            changes);
        Assert.Equal((AgentStatus.Away, cluster.Clock.GetUtcNow()), (away.Status, away.StatusSince));
    }

    [Fact]
    public async Task SetPresenceAsync_SameStatus_WritesNothing()
    {
        await Agent("alice").RegisterAsync(Alice);
        var online = await Agent("alice").HeartbeatAsync("tab-1");
        await AdvanceConnectedAsync("alice", TimeSpan.FromMinutes(5));

        var again = await Agent("alice").SetPresenceAsync(new SetAgentPresence(AgentStatus.Online, "agent:alice"));

        Assert.Equal(online, again);
        Assert.Equal(2, (await Events("alice")).Count);
    }

    [Fact]
    public async Task SetPresenceAsync_UndefinedStatus_RefusedAsInvalid()
    {
        await Agent("alice").RegisterAsync(Alice);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Agent("alice").SetPresenceAsync(new SetAgentPresence((AgentStatus)42, "agent:alice")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.Single(await Events("alice"));
    }

    [Fact]
    public async Task Commands_UnknownAgent_RefusedAsNotFoundAndNothingWritten()
    {
        var presence = await Assert.ThrowsAsync<DomainException>(() =>
            Agent("ghost").SetPresenceAsync(new SetAgentPresence(AgentStatus.Online, "agent:ghost")));
        var details = await Assert.ThrowsAsync<DomainException>(() => Agent("ghost").GetDetailsAsync());

        Assert.Equal((DomainErrorKind.NotFound, DomainErrorKind.NotFound), (presence.Kind, details.Kind));
        Assert.Equal("This agent does not exist.", details.Message);
        Assert.Empty(await Events("ghost"));
    }

    [Fact]
    public async Task GetDetailsAsync_AfterDeactivation_SameAgentRebuiltFromTheStore()
    {
        await Agent("alice").RegisterAsync(Alice);
        cluster.Clock.Advance(TimeSpan.FromSeconds(10));
        await Agent("alice").HeartbeatAsync("tab-1");
        var busy = await Agent("alice").SetPresenceAsync(new SetAgentPresence(AgentStatus.Busy, "agent:alice"));

        await cluster.DeactivateAsync(Agent("alice"));

        Assert.Equal(busy, await Agent("alice").GetDetailsAsync());
    }

    [Fact]
    public async Task ConfigureRoutingAsync_Settings_NormalizedInDetailsAndTheChatCapacityReplaced()
    {
        await Agent("alice").RegisterAsync(Alice);

        var configured = await Agent("alice").ConfigureRoutingAsync(new ConfigureAgentRouting(4, 8, [" DE", "billing", "de"], ["Support"], "user:admin"));

        Assert.Equal(4, configured.ChatCapacity);
        Assert.Equal(8, configured.Routing!.TicketCapacity);
        Assert.Equal(["billing", "de"], configured.Routing.Skills);
        Assert.Equal(["support"], configured.Routing.Teams);
        await cluster.DeactivateAsync(Agent("alice"));
        var rebuilt = await Agent("alice").GetDetailsAsync();
        Assert.Equal(4, rebuilt.ChatCapacity);
        Assert.Equal(["billing", "de"], rebuilt.Routing!.Skills);
    }

    [Fact]
    public async Task ConfigureRoutingAsync_SameSettingsInAnotherOrder_WritesNothing()
    {
        await Agent("alice").RegisterAsync(Alice);
        await Agent("alice").ConfigureRoutingAsync(new ConfigureAgentRouting(4, 8, ["de", "billing"], ["support"], "user:admin"));

        await Agent("alice").ConfigureRoutingAsync(new ConfigureAgentRouting(4, 8, ["billing", "de"], ["support"], "user:someone-else"));

        Assert.Single((await Events("alice")).OfType<AgentRoutingConfigured>());
    }

    [Theory]
    [InlineData(-1, 5, "Chat capacity")]
    [InlineData(3, 51, "Ticket capacity")]
    public async Task ConfigureRoutingAsync_CapacityOutOfRange_RefusedAndNothingWritten(int chats, int tickets, string mentioned)
    {
        await Agent("alice").RegisterAsync(Alice);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Agent("alice").ConfigureRoutingAsync(new ConfigureAgentRouting(chats, tickets, [], [], "user:admin")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.StartsWith(mentioned, refused.Message);
        Assert.Single(await Events("alice"));
    }

    [Fact]
    public async Task ConfigureRoutingAsync_SkillThatIsNoId_RefusedAsInvalid()
    {
        await Agent("alice").RegisterAsync(Alice);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Agent("alice").ConfigureRoutingAsync(new ConfigureAgentRouting(3, 5, ["customer service"], [], "user:admin")));

        Assert.Equal(DomainErrorKind.Invalid, refused.Kind);
        Assert.StartsWith("The skill id", refused.Message);
    }

    /// <summary>Moves the clock in steps shorter than the lease, heartbeating after each, so a sweep at any moment finds the console live.</summary>
    private async Task AdvanceConnectedAsync(string agentId, TimeSpan by)
    {
        var step = AgentPresenceTimings.HeartbeatEvery;
        for (var left = by; left > TimeSpan.Zero; left -= step)
        {
            cluster.Clock.Advance(left < step ? left : step);
            await Agent(agentId).HeartbeatAsync("tab-1");
        }
    }

    private IAgentGrain Agent(string agentId) => cluster.Grains.GetGrain<IAgentGrain>(GrainKeys.Scoped(workspaceId, agentId));

    private Task<IReadOnlyList<DomainEvent>> Events(string agentId) =>
        cluster.ReadEventsAsync(StreamIds.For(StreamIds.AgentCategory, workspaceId, agentId));
}
