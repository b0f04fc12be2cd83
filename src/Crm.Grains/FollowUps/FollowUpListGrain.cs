using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.FollowUps;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.FollowUps;

/// <summary>One per workspace: every follow-up folded with <see cref="FollowUpState"/>, caught up to the store's head before each answer.</summary>
public sealed class FollowUpListGrain(IEventStore store) : Grain, IFollowUpListGrain
{
    private readonly Dictionary<string, FollowUpState> _followUps = new(StringComparer.Ordinal);
    private ReadModelCatchUp? _catchUp;

    public async Task<IReadOnlyList<FollowUpDetails>> ListAsync(FollowUpQuery query)
    {
        _catchUp ??= new ReadModelCatchUp(store, EventFilter.ForCategories(this.GetPrimaryKeyString(), StreamIds.FollowUpCategory));
        await _catchUp.RunAsync((stored, @event) => ReadModelCatchUp.Fold(_followUps, stored, @event));
        return _followUps.Where(f => f.Value.Scheduled is not null)
            .Select(f => f.Value.ToDetails(this.GetPrimaryKeyString(), f.Key))
            .Where(f => query.IncludeDone || f.CompletedAt is null)
            .Where(f => query.OwnerId is null || f.OwnerId == query.OwnerId)
            .Where(f => query.CustomerId is null || f.CustomerId == query.CustomerId)
            .Where(f => query.DealId is null || f.DealId == query.DealId)
            .Where(f => query.DueBefore is null || f.DueAt < query.DueBefore)
            .OrderBy(f => f.DueAt)
            .ToList();
    }
}
