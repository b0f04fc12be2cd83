using Orleans.Concurrency;

namespace Crm.Grains.Abstractions.Projections;

/// <summary>
/// Where every projection runner in the cluster reports how far it is (key 0): what <c>/health/ready</c> shows as each
/// projection's lag, and which projection is stopped at which event.
/// </summary>
public interface IProjectionHealthGrain : IGrainWithIntegerKey
{
    /// <summary>One-way report from a runner: sent when a projection stops or recovers, else every few seconds at most.</summary>
    [OneWay]
    Task ReportAsync(ProjectionStatus status);

    /// <summary>Forgets a partition whose grain was deactivated (it reports again when it runs).</summary>
    [OneWay]
    Task ForgetAsync(string name);

    /// <summary>Every partition reported in the last minutes, by name.</summary>
    Task<IReadOnlyList<ProjectionStatus>> GetAsync();
}
