namespace Crm.Grains.Abstractions.Time;

/// <summary>
/// The clock grains read (event timestamps, leases, caches): a keyed <see cref="TimeProvider"/>, apart from the one
/// the Orleans runtime uses for its own timeouts and probes. Tests replace this one with a fake clock and leave the
/// runtime on real time, so advancing days of domain time never disturbs the cluster.
/// </summary>
public static class DomainClock
{
    public const string Key = "crm.domain-clock";

    /// <summary>
    /// The Orleans RequestContext entry that makes the silo's default domain clock answer a chosen past instant for
    /// one call (and the calls it makes): how the demo seeder writes 30 days of history through the real grains and
    /// events. Set only by trusted in-process code; browsers and integrations cannot reach RequestContext.
    /// </summary>
    public const string BackdateKey = "crm.clock.at";

    /// <summary>Makes the next grain calls of this async flow happen at <paramref name="at"/> (see <see cref="BackdateKey"/>).</summary>
    public static void Backdate(DateTimeOffset at) => RequestContext.Set(BackdateKey, at);

    /// <summary>Back to the real time for the next grain calls of this async flow.</summary>
    public static void Now() => RequestContext.Remove(BackdateKey);
}
