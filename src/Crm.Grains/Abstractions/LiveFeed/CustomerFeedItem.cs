using Crm.Grains.Abstractions.Customers;

namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>A customer changed (profile, attributes, an activity logged, a merge): open customer pages refresh.</summary>
[GenerateSerializer, Immutable, Alias("crm.live-feed.customer")]
public sealed record CustomerFeedItem(CustomerDetails Customer) : LiveFeedItem
{
    public override string WorkspaceId => Customer.WorkspaceId;
}
