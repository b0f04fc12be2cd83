namespace Crm.Browser.Tests.Routing;

/// <summary>An agent's routing settings, as PUT /api/agents/{agentId}/routing takes them (camelCase on the wire).</summary>
public sealed record AgentRouting(int ChatCapacity, int TicketCapacity, IReadOnlyList<string> Skills, IReadOnlyList<string> Teams);
