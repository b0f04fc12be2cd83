using Crm.Grains.Abstractions.FollowUps;

namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>A follow-up's reminder is due: the owner's open consoles pop it up.</summary>
[GenerateSerializer, Immutable, Alias("crm.live-feed.follow-up-reminder")]
public sealed record FollowUpReminderFeedItem(FollowUpDetails FollowUp) : LiveFeedItem
{
    public override string WorkspaceId => FollowUp.WorkspaceId;
}
