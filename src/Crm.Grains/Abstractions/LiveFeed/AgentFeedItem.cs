using Crm.Grains.Abstractions.Agents;

namespace Crm.Grains.Abstractions.LiveFeed;

[GenerateSerializer, Immutable, Alias("crm.live-feed.agent")]
public sealed record AgentFeedItem(AgentDetails Agent) : LiveFeedItem
{
    public override string WorkspaceId => Agent.WorkspaceId;
}
