using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Routing;

namespace Crm.Grains.Routing;

/// <summary>An agent as the router knows them. Changed only by <see cref="RouterState"/>.</summary>
[GenerateSerializer, Alias("crm.routing.routing-agent")]
public sealed class RoutingAgent(string agentId)
{
    [Id(0)] public string AgentId { get; } = agentId;

    /// <summary>False for an agent the router only knows as someone work was assigned to by hand, before their registration.</summary>
    [Id(1)] public bool Registered { get; internal set; }
    [Id(2)] public string DisplayName { get; internal set; } = agentId;
    [Id(3)] public AgentStatus Status { get; internal set; } = AgentStatus.Offline;
    [Id(4)] public DateTimeOffset StatusSince { get; internal set; }
    [Id(5)] public int ChatCapacity { get; internal set; }
    [Id(6)] public int TicketCapacity { get; internal set; } = RoutingDefaults.TicketCapacity;
    [Id(7)] public IReadOnlyList<string> Skills { get; internal set; } = [];
    [Id(8)] public IReadOnlyList<string> Teams { get; internal set; } = [];

    /// <summary>The router stream version when they were last given work (0: never): least-loaded's tie-break.</summary>
    [Id(9)] public long LastGivenNo { get; internal set; }

    /// <summary>The UTC day of <see cref="GivenOnDay"/>.</summary>
    [Id(10)] public DateOnly Day { get; internal set; }

    [Id(11)] public int GivenOnDay { get; internal set; }

    public int Capacity(WorkKind kind) => kind == WorkKind.Chat ? ChatCapacity : TicketCapacity;
}
