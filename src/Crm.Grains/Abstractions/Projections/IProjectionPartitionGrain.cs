namespace Crm.Grains.Abstractions.Projections;

/// <summary>
/// A grain that runs one projection partition (the inbox, roster, reports, router or mail outbox of one workspace, or a
/// hosted <see cref="IProjection"/>). The per-silo projection waker calls it after commits and on its backstop poll.
/// </summary>
public interface IProjectionPartitionGrain : IGrain
{
    /// <summary>Reads on from the checkpoint: one bounded page in this turn, the rest in later turns. Cheap when caught up.</summary>
    Task WakeAsync();
}
