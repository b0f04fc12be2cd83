using Orleans.Concurrency;

namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>
/// A stateless worker in every silo that fans committed view records out to every web node's observer.
/// Grains call it after their commit; the call is one-way so the writer's acknowledgement never waits on delivery.
/// </summary>
public interface ILiveFeedPublisherGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task PublishAsync(LiveFeedItem[] items);
}
