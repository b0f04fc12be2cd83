using Crm.Grains.Abstractions.LiveFeed;

namespace Crm.Grains.Abstractions.Roster;

/// <summary>Published by the roster whenever a workspace's availability counts change.</summary>
[GenerateSerializer, Immutable, Alias("crm.live-feed.availability")]
public sealed record AvailabilityFeedItem(AgentAvailability Availability) : LiveFeedItem
{
    public override string WorkspaceId => Availability.WorkspaceId;
}
