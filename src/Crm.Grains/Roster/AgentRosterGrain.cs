using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Roster;
using Crm.Grains.EventSourcing;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Roster;

/// <summary>
/// A workspace's agents by status, projected from the agent streams like the inbox: rebuilt from the store on
/// activation, fed one-way by agent grains, and caught up every <see cref="CatchUpPeriod"/>. It also wakes every agent
/// it believes present: an agent whose activation died with a silo has no timer left to notice that its consoles are
/// gone, and the new activation concludes Offline after the grace unless heartbeats arrive.
/// </summary>
public sealed class AgentRosterGrain(IEventStore store, ILogger<AgentRosterGrain> logger) : Grain, IAgentRosterGrain
{
    private static readonly TimeSpan CatchUpPeriod = TimeSpan.FromSeconds(15);

    private readonly Dictionary<string, RosterEntry> _agents = [];
    private AgentAvailability? _published;
    private long _checkpoint;

    private string WorkspaceId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        _published = Availability();
        this.RegisterGrainTimer(_ => RefreshAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, CatchUpPeriod) { KeepAlive = false });
    }

    public Task<AgentAvailability> GetAvailabilityAsync() => Task.FromResult(Availability());

    public Task<IReadOnlyList<RosterEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<RosterEntry>>(_agents.Values.OrderBy(a => a.AgentId, StringComparer.Ordinal).ToList());

    public Task OnAgentChangedAsync(RosterEntry entry)
    {
        if (Upsert(entry)) PublishIfChanged();
        return Task.CompletedTask;
    }

    private bool Upsert(RosterEntry entry)
    {
        if (_agents.TryGetValue(entry.AgentId, out var known) && known.Version >= entry.Version)
            return false;
        _agents[entry.AgentId] = entry;
        return true;
    }

    private async Task RefreshAsync()
    {
        await CatchUpAsync(CancellationToken.None);
        PublishIfChanged();
        await WakePresentAgentsAsync();
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var prefix = StreamIds.CategoryPrefix(StreamIds.AgentCategory, WorkspaceId);
        await foreach (var stored in store.ReadAfterAsync(_checkpoint, prefix, cancellationToken: cancellationToken))
        {
            var agentId = stored.StreamId[prefix.Length..];
            _agents.TryGetValue(agentId, out var current);
            if (current is null || current.Version < stored.Version)
            {
                var next = RosterProjection.Apply(current, agentId, EventSerializer.Deserialize(stored), stored.Version);
                if (next is not null) Upsert(next);
            }
            _checkpoint = stored.Position;
        }
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
            // The next refresh tries again; an agent that answers reports its own change through OnAgentChangedAsync.
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
