using Crm.Grains.Abstractions.Projections;

namespace Crm.Grains.Projections;

/// <summary>
/// The cluster's list of projection partitions and how far each is, as their runners report it (in memory: after a
/// restart it fills again within a report period). Entries not reported for <see cref="Forgotten"/> are dropped.
/// </summary>
public sealed class ProjectionHealthGrain : Grain, IProjectionHealthGrain
{
    private static readonly TimeSpan Forgotten = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, (ProjectionStatus Status, DateTimeOffset ReceivedAt)> _statuses = new(StringComparer.Ordinal);

    public Task ReportAsync(ProjectionStatus status)
    {
        _statuses[status.Name] = (status, DateTimeOffset.UtcNow);
        return Task.CompletedTask;
    }

    public Task ForgetAsync(string name)
    {
        _statuses.Remove(name);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ProjectionStatus>> GetAsync()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var stale in _statuses.Where(s => now - s.Value.ReceivedAt > Forgotten).Select(s => s.Key).ToList())
            _statuses.Remove(stale);
        return Task.FromResult<IReadOnlyList<ProjectionStatus>>([.. _statuses.Values.Select(s => s.Status).OrderBy(s => s.Name, StringComparer.Ordinal)]);
    }
}
