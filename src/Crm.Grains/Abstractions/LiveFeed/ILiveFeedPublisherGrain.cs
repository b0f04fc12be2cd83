using Orleans.Concurrency;

namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>
/// Fans committed view records out to every web node's observer, one activation per key and silo (keys are
/// <see cref="Partition"/>s). Grains call it after their commit; the call is one-way so the writer's acknowledgement
/// never waits on delivery. A writer always publishes through the partition of its own key, so its items leave the
/// silo in commit order and reach each web node in that order.
/// </summary>
public interface ILiveFeedPublisherGrain : IGrainWithIntegerKey
{
    /// <summary>Enough partitions that one busy conversation does not hold up many others behind it.</summary>
    const int Partitions = 16;

    [OneWay]
    Task PublishAsync(LiveFeedItem[] items);

    /// <summary>The partition for a writer's key (a conversation's id): stable across processes, unlike string hashes.</summary>
    static long Partition(string key)
    {
        // FNV-1a: cheap, and the same in every process and run.
        var hash = 2166136261u;
        foreach (var c in key) hash = (hash ^ c) * 16777619u;
        return hash % Partitions;
    }
}
