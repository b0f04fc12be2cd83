namespace Crm.Grains.Abstractions.Operations;

/// <summary>Readiness probe reachable from any web node, also in client mode: a silo answers and its store is reachable.</summary>
public interface IStoreHealthGrain : IGrainWithIntegerKey
{
    /// <summary>The store's head position; throws when the store is unreachable.</summary>
    Task<long> CheckAsync();
}
