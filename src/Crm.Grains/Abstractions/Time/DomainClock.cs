namespace Crm.Grains.Abstractions.Time;

/// <summary>
/// The clock grains read (event timestamps, leases, caches): a keyed <see cref="TimeProvider"/>, apart from the one
/// the Orleans runtime uses for its own timeouts and probes. Tests replace this one with a fake clock and leave the
/// runtime on real time, so advancing days of domain time never disturbs the cluster.
/// </summary>
public static class DomainClock
{
    public const string Key = "crm.domain-clock";
}
