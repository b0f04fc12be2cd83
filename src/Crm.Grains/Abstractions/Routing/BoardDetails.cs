using Crm.Grains.Abstractions.Queues;

namespace Crm.Grains.Abstractions.Routing;

/// <summary>
/// The supervisor board: every queue that is configured or holds work, and every agent, as of <see cref="AsOf"/>
/// (domain time). Built from the router's memory in one pass, so it is cheap to ask for; live changes follow as
/// <see cref="Crm.Grains.Abstractions.LiveFeed.QueueFeedItem"/> and <see cref="AgentWorkloadFeedItem"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.routing.board-details")]
public sealed record BoardDetails(
    string WorkspaceId,
    DateTimeOffset AsOf,
    IReadOnlyList<QueueDetails> Queues,
    IReadOnlyList<AgentWorkloadSummary> Agents);
