namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>The feed's clocks in one place: how often nodes renew, how long a lease lasts, how stale a publisher's list may be.</summary>
public static class LiveFeedTimings
{
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(35);

    /// <summary>
    /// How long a publisher reuses its copy of the observer list. A new web node waits this long (plus a margin)
    /// after registering before it accepts clients, so no publisher can still be unaware of it.
    /// </summary>
    public static readonly TimeSpan PublisherCache = TimeSpan.FromSeconds(1);
}
