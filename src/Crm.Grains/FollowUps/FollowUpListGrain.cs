using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.FollowUps;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.EventSourcing;
using Crm.Grains.Projections;

namespace Crm.Grains.FollowUps;

/// <summary>
/// One per workspace ("follow-ups/{workspace}"): every follow-up folded with <see cref="FollowUpState"/>, a projection on
/// the runner (snapshot plus tail on activation), caught up to the store's head before each answer.
/// </summary>
public sealed class FollowUpListGrain : ProjectionGrain<FollowUpListSnapshot>, IFollowUpListGrain
{
    private Dictionary<string, FollowUpState> _followUps = new(StringComparer.Ordinal);

    protected override string Kind => ProjectionKinds.FollowUps;

    protected override int SnapshotSchema => 1;

    protected override EventFilter Filter => EventFilter.ForCategories(WorkspaceId, StreamIds.FollowUpCategory);

    protected override bool WokenByCommits => false;

    public async Task<IReadOnlyList<FollowUpDetails>> ListAsync(FollowUpQuery query)
    {
        await CatchUpAsync();
        return _followUps.Where(f => f.Value.Scheduled is not null)
            .Select(f => f.Value.ToDetails(WorkspaceId, f.Key))
            .Where(f => query.IncludeDone || f.CompletedAt is null)
            .Where(f => query.OwnerId is null || f.OwnerId == query.OwnerId)
            .Where(f => query.CustomerId is null || f.CustomerId == query.CustomerId)
            .Where(f => query.DealId is null || f.DealId == query.DealId)
            .Where(f => query.DueBefore is null || f.DueAt < query.DueBefore)
            .OrderBy(f => f.DueAt)
            .ToList();
    }

    protected override FollowUpListSnapshot TakeSnapshot() => new(_followUps);

    protected override void Restore(FollowUpListSnapshot snapshot) => _followUps = snapshot.FollowUps;

    protected override Task ApplyAsync(StoredEvent stored)
    {
        EntityFold.Apply(_followUps, stored);
        return Task.CompletedTask;
    }
}
