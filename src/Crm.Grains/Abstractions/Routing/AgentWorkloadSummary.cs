using Crm.Grains.Abstractions.Agents;

namespace Crm.Grains.Abstractions.Routing;

/// <summary>
/// One agent on the supervisor board, as the router sees them. Loads count what the agent holds (assigned, offered,
/// or still named by a conversation the router is taking back), so a load never exceeds its capacity through routing.
/// </summary>
/// <param name="Conversations">Conversations assigned to the agent that the router tracks (chats and tickets).</param>
/// <param name="Offered">Conversations offered to the agent and not yet answered.</param>
/// <param name="AssignedToday">Work given to the agent since midnight UTC (routed, or offered and accepted).</param>
[GenerateSerializer, Immutable, Alias("crm.routing.agent-workload-summary")]
public sealed record AgentWorkloadSummary(
    string WorkspaceId,
    string AgentId,
    string DisplayName,
    AgentStatus Status,
    DateTimeOffset StatusSince,
    int ChatCapacity,
    int TicketCapacity,
    int ChatLoad,
    int TicketLoad,
    IReadOnlyList<string> Conversations,
    IReadOnlyList<string> Offered,
    int AssignedToday,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Teams);
