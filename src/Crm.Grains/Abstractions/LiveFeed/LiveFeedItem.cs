namespace Crm.Grains.Abstractions.LiveFeed;

/// <summary>
/// What web nodes receive after a commit: view records made for clients, never raw domain events.
/// Each item names its workspace so a web node routes it only to that workspace's SignalR groups.
/// </summary>
[GenerateSerializer, Alias("crm.live-feed.item")]
public abstract record LiveFeedItem
{
    public abstract string WorkspaceId { get; }
}
