namespace Crm.Grains.Abstractions.Projections;

/// <summary>
/// Hosts one registered <see cref="IProjection"/> (key: its <see cref="IProjection.Name"/>), so it runs once per cluster
/// wherever the grain is placed, and runs on elsewhere when its silo stops.
/// </summary>
public interface IHostedProjectionGrain : IGrainWithStringKey, IProjectionPartitionGrain
{
    /// <summary>How far it is.</summary>
    Task<ProjectionStatus> GetStatusAsync();
}
