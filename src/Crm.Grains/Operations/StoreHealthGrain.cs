using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Operations;
using Orleans.Concurrency;

namespace Crm.Grains.Operations;

[StatelessWorker]
public sealed class StoreHealthGrain(IEventStore store) : Grain, IStoreHealthGrain
{
    public Task<long> CheckAsync() => store.GetHeadPositionAsync();
}
