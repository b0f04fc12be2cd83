namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>
/// The cluster-wide list of web nodes listening to the live feed (key <see cref="Key"/>). Web nodes renew their
/// registration periodically; entries not renewed within the lease are dropped, so a crashed node disappears.
/// </summary>
public interface ILiveFeedDirectoryGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    /// <summary>Registers or renews a web node's observer under its stable node id.</summary>
    Task RegisterAsync(string nodeId, ILiveFeedObserver observer);

    Task UnregisterAsync(string nodeId);

    /// <summary>The live observers, with a version that changes whenever the list changes.</summary>
    Task<LiveFeedObservers> GetObserversAsync();
}
