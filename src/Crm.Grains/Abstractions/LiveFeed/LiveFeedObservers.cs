namespace Crm.Grains.Abstractions.LiveFeed;

[GenerateSerializer, Immutable, Alias("crm.live-feed.observers")]
public sealed record LiveFeedObservers(long Version, ILiveFeedObserver[] Observers);
