using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Roster;
using Crm.Grains.EventSourcing;
using Crm.Grains.Projections;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Roster;

/// <summary>
/// A workspace's agents by status, projected from the agent streams like the inbox ("roster/{workspace}"): resumed from
/// its snapshot plus the store's tail, fed one-way by agent grains, and woken by commits. It also wakes every agent it
/// believes present every <see cref="SweepPeriod"/>: an agent whose activation died with a silo has no timer left to
/// notice that its consoles are gone, and the new activation concludes Offline after the grace unless heartbeats arrive.
/// </summary>
public sealed class AgentRosterGrain(ILogger<AgentRosterGrain> logger) : ProjectionGrain<RosterSnapshot>, IAgentRosterGrain
{
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(15);

    private Dictionary<string, RosterEntry> _agents = [];
    private AgentAvailability? _published;

    protected override string Kind => ProjectionKinds.Roster;

    protected override int SnapshotSchema => 1;

    protected override EventFilter Filter => EventFilter.ForCategories(WorkspaceId, StreamIds.AgentCategory);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        _published = Availability();
        this.RegisterGrainTimer(_ => WakePresentAgentsAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, SweepPeriod) { KeepAlive = false });
    }

    public Task<AgentAvailability> GetAvailabilityAsync() => Task.FromResult(Availability());

    public Task<IReadOnlyList<RosterEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<RosterEntry>>(_agents.Values.OrderBy(a => a.AgentId, StringComparer.Ordinal).ToList());

    public Task OnAgentChangedAsync(RosterEntry entry)
    {
        if (Upsert(entry)) PublishIfChanged();
        return Task.CompletedTask;
    }

    protected override RosterSnapshot TakeSnapshot() => new(new(_agents));

    protected override void Restore(RosterSnapshot snapshot) => _agents = snapshot.Agents;

    protected override Task ApplyAsync(StoredEvent stored)
    {
        var agentId = StreamIds.Parse(stored.StreamId)!.Value.Id;
        _agents.TryGetValue(agentId, out var current);
        if (current is null || current.Version < stored.Version)
        {
            var next = RosterProjection.Apply(current, agentId, EventSerializer.Deserialize(stored), stored.Version);
            if (next is not null) Upsert(next);
        }
        return Task.CompletedTask;
    }

    protected override Task OnPageAppliedAsync(bool caughtUp)
    {
        // Before the activation's first answer there is nobody to tell: _published is set once it has folded.
        if (_published is not null) PublishIfChanged();
        return Task.CompletedTask;
    }

    private bool Upsert(RosterEntry entry)
    {
        if (_agents.TryGetValue(entry.AgentId, out var known) && known.Version >= entry.Version)
            return false;
        _agents[entry.AgentId] = entry;
        return true;
    }

    /// <summary>Sweeps every agent not Offline here; for a live activation that is a no-op, for a lost one a restart.</summary>
    private async Task WakePresentAgentsAsync()
    {
        var present = _agents.Values.Where(a => a.Status != AgentStatus.Offline)
            .Select(a => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.Scoped(WorkspaceId, a.AgentId)).SweepAsync());
        try
        {
            await Task.WhenAll(present);
        }
        catch (Exception ex)
        {
            // The next sweep tries again; an agent that answers reports its own change through OnAgentChangedAsync.
            logger.LogWarning(ex, "Waking the present agents of workspace {WorkspaceId} failed", WorkspaceId);
        }
    }

    private void PublishIfChanged()
    {
        var current = Availability();
        if (current == _published) return;
        _published = current;
        _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync([new AvailabilityFeedItem(current)]);
    }

    private AgentAvailability Availability() => RosterProjection.Count(WorkspaceId, _agents.Values);
}
