using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Routing;

namespace Crm.Grains.Routing;

/// <summary>An agent as the router knows them. Changed only by <see cref="RouterState"/>.</summary>
public sealed class RoutingAgent(string agentId)
{
    public string AgentId { get; } = agentId;

    /// <summary>False for an agent the router only knows as someone work was assigned to by hand, before their registration.</summary>
    public bool Registered { get; internal set; }
    public string DisplayName { get; internal set; } = agentId;
    public AgentStatus Status { get; internal set; } = AgentStatus.Offline;
    public DateTimeOffset StatusSince { get; internal set; }
    public int ChatCapacity { get; internal set; }
    public int TicketCapacity { get; internal set; } = RoutingDefaults.TicketCapacity;
    public IReadOnlyList<string> Skills { get; internal set; } = [];
    public IReadOnlyList<string> Teams { get; internal set; } = [];

    /// <summary>The router stream version when they were last given work (0: never): least-loaded's tie-break.</summary>
    public long LastGivenNo { get; internal set; }

    /// <summary>The UTC day of <see cref="GivenOnDay"/>.</summary>
    public DateOnly Day { get; internal set; }

    public int GivenOnDay { get; internal set; }

    public int Capacity(WorkKind kind) => kind == WorkKind.Chat ? ChatCapacity : TicketCapacity;
}
