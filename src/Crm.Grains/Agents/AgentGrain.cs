using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Roster;
using Crm.Grains.Abstractions.Routing;
using Crm.Grains.Agents.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Agents;

/// <summary>
/// An agent's profile and presence. The chosen status is persisted; the live console sessions that make the agent
/// present at all are in-memory leases (presence is about now, so nothing about them needs to survive a restart),
/// swept by a timer against the domain clock. Every effective status change is an <see cref="AgentPresenceChanged"/>.
/// </summary>
public sealed class AgentGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<AgentState>(store, clock), IAgentGrain
{
    private readonly Dictionary<string, DateTimeOffset> _sessionLeases = [];

    // When the last live session ended (a disconnect, or a lease's end); null while one is live or nothing is pending.
    private DateTimeOffset? _lastSessionEnded;
    private IGrainTimer? _sweep;

    private (string WorkspaceId, string AgentId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    protected override string StreamId => StreamIds.For(StreamIds.AgentCategory, Key.WorkspaceId, Key.AgentId);

    private string AgentActor => $"agent:{Key.AgentId}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Status != AgentStatus.Offline)
        {
            // A new activation (after a silo crash, a move, or idle collection) knows no sessions. Consoles still open
            // heartbeat within the grace and nothing changes; otherwise the agent is truthfully Offline after it.
            _lastSessionEnded = Clock.GetUtcNow();
            EnsureSweeping();
        }
    }

    public async Task<AgentDetails> RegisterAsync(RegisterAgent command)
    {
        if (string.IsNullOrWhiteSpace(command.DisplayName))
            throw new DomainException(DomainErrorKind.Invalid, "An agent needs a display name.");
        RequireCapacity(command.ChatCapacity, "Chat");

        var registered = new AgentRegistered(command.DisplayName.Trim(), command.Email?.Trim() ?? "", command.Role ?? "", command.ChatCapacity);
        if (State.Profile is { } p && p with { At = default, By = "" } == registered)
            return Details();
        return Announce(await RaiseAsync(command.Actor, registered));
    }

    public async Task<AgentDetails> ConfigureRoutingAsync(ConfigureAgentRouting command)
    {
        RequireRegistered();
        RequireCapacity(command.ChatCapacity, "Chat");
        RequireCapacity(command.TicketCapacity, "Ticket");
        var skills = RoutingTags.Require(command.Skills, "skill");
        var teams = RoutingTags.Require(command.Teams, "team");
        if (State.Routing is { } r && r.ChatCapacity == command.ChatCapacity && r.TicketCapacity == command.TicketCapacity
            && RoutingTags.SameSet(r.Skills, skills) && RoutingTags.SameSet(r.Teams, teams))
            return Details();
        return Announce(await RaiseAsync(command.Actor, new AgentRoutingConfigured(command.ChatCapacity, command.TicketCapacity, skills, teams)));
    }

    public async Task<AgentDetails> SetPresenceAsync(SetAgentPresence command)
    {
        RequireRegistered();
        if (!Enum.IsDefined(command.Status))
            throw new DomainException(DomainErrorKind.Invalid, $"Unknown presence status {(int)command.Status}.");
        if (command.Status == AgentStatus.Offline)
            throw new DomainException(DomainErrorKind.Invalid, "Offline is not chosen: an agent is offline when no console of theirs is open.");
        if (State.Status == AgentStatus.Offline && _sessionLeases.Count == 0)
            throw new DomainException(DomainErrorKind.Conflict, "Open the console to set a status: with no console open you are offline.");
        await ChangeStatusAsync(command.Status, command.Actor);
        return Details();
    }

    public async Task<AgentDetails> HeartbeatAsync(string sessionId)
    {
        RequireRegistered();
        var session = RequireSessionId(sessionId);
        _sessionLeases[session] = Clock.GetUtcNow() + AgentPresenceTimings.SessionLease;
        _lastSessionEnded = null;
        EnsureSweeping();
        if (State.Status == AgentStatus.Offline)
            await ChangeStatusAsync(State.Chosen, AgentActor);
        return Details();
    }

    public Task DisconnectAsync(string sessionId)
    {
        // The grace starts now rather than at the lease's end: a closed tab is gone for sure, a blip comes back in time.
        if (_sessionLeases.Remove(RequireSessionId(sessionId)) && _sessionLeases.Count == 0)
            _lastSessionEnded = Clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public async Task<AgentDetails> SweepAsync()
    {
        RequireRegistered();
        await SweepCoreAsync();
        return Details();
    }

    public Task<AgentDetails> GetDetailsAsync()
    {
        RequireRegistered();
        return Task.FromResult(Details());
    }

    private void EnsureSweeping() =>
        // KeepAlive: the leases exist only in this activation, so it must not be collected while any is live.
        _sweep ??= this.RegisterGrainTimer(_ => SweepCoreAsync(),
            new GrainTimerCreationOptions(AgentPresenceTimings.SweepEvery, AgentPresenceTimings.SweepEvery) { KeepAlive = true });

    /// <summary>Every decision reads the domain clock, so whoever runs the sweep (timer or test) reaches the same one.</summary>
    private async Task SweepCoreAsync()
    {
        var now = Clock.GetUtcNow();
        foreach (var (session, leaseEnd) in _sessionLeases.Where(s => s.Value <= now).ToList())
        {
            _sessionLeases.Remove(session);
            // A lapsed session ended when its lease did, not when the sweep noticed.
            if (_sessionLeases.Count == 0 && (_lastSessionEnded is null || leaseEnd > _lastSessionEnded))
                _lastSessionEnded = leaseEnd;
        }
        if (_sessionLeases.Count > 0 || State.Profile is null)
            return;

        if (State.Status != AgentStatus.Offline && _lastSessionEnded is { } ended && now - ended >= AgentPresenceTimings.Grace)
            await ChangeStatusAsync(AgentStatus.Offline, AgentPresenceTimings.SystemActor);

        if (State.Status == AgentStatus.Offline)
        {
            // Nothing left to watch: stop the timer and let the activation be collected.
            _lastSessionEnded = null;
            _sweep?.Dispose();
            _sweep = null;
        }
    }

    private async Task ChangeStatusAsync(AgentStatus status, string actor)
    {
        if (status == State.Status) return;
        Announce(await RaiseAsync(actor, new AgentPresenceChanged(status, State.Status, Clock.GetUtcNow() - State.StatusSince)));
    }

    /// <summary>
    /// After each commit: the console's live feed, the workspace roster (one-way, by stream version), and a nudge to the
    /// workspace's router (one-way: it reads the change at <paramref name="position"/> from the store and routes at once).
    /// </summary>
    private AgentDetails Announce(long position)
    {
        var details = Details();
        _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync([new AgentFeedItem(details)]);
        _ = GrainFactory.GetGrain<IAgentRosterGrain>(Key.WorkspaceId).OnAgentChangedAsync(new RosterEntry(Key.AgentId, State.Status, Version));
        _ = GrainFactory.GetGrain<IRouterGrain>(Key.WorkspaceId).OnEventsCommittedAsync(position);
        return details;
    }

    private static void RequireCapacity(int capacity, string kind)
    {
        if (capacity is < 0 or > RoutingDefaults.MaxCapacity)
            throw new DomainException(DomainErrorKind.Invalid, $"{kind} capacity must be between 0 and {RoutingDefaults.MaxCapacity}.");
    }

    private static string RequireSessionId(string? sessionId) =>
        string.IsNullOrWhiteSpace(sessionId) || sessionId.Length > 100
            ? throw new DomainException(DomainErrorKind.Invalid, "A console session needs an id of at most 100 characters.")
            : sessionId;

    private void RequireRegistered()
    {
        if (State.Profile is null)
            throw new DomainException(DomainErrorKind.NotFound, "This agent does not exist.");
    }

    private AgentDetails Details()
    {
        var p = State.Profile!;
        var routing = State.Routing is { } r ? new AgentRoutingProfile(r.TicketCapacity, r.Skills, r.Teams) : null;
        return new AgentDetails(Key.WorkspaceId, Key.AgentId, p.DisplayName, p.Email, p.Role, State.ChatCapacity, State.Status, State.StatusSince, routing);
    }
}
