using Crm.Grains.Abstractions.Deals;

namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>A deal was created, changed or moved: every open board of its workspace moves the card.</summary>
[GenerateSerializer, Immutable, Alias("crm.live-feed.deal")]
public sealed record DealFeedItem(DealDetails Deal) : LiveFeedItem
{
    public override string WorkspaceId => Deal.WorkspaceId;
}
