using Crm.Grains.Abstractions.Projections;
namespace Crm.Grains.Abstractions.FollowUps;

/// <summary>The workspace's follow-ups as one read model (key: the workspace id), caught up to the store's head before each answer.</summary>
public interface IFollowUpListGrain : IGrainWithStringKey, IProjectionPartitionGrain
{
    /// <summary>Matching follow-ups, soonest due first.</summary>
    Task<IReadOnlyList<FollowUpDetails>> ListAsync(FollowUpQuery query);
}
