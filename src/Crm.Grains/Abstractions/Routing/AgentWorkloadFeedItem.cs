using Crm.Grains.Abstractions.LiveFeed;

namespace Crm.Grains.Abstractions.Routing;

/// <summary>Published by the router after each change to an agent's status, capacity, load or offers.</summary>
[GenerateSerializer, Immutable, Alias("crm.live-feed.agent-workload")]
public sealed record AgentWorkloadFeedItem(AgentWorkloadSummary Agent) : LiveFeedItem
{
    public override string WorkspaceId => Agent.WorkspaceId;
}
