namespace Crm.Grains.Abstractions.Agents;

/// <param name="Routing">Set once an admin configured the agent's routing; null: the defaults (no skills, no teams).</param>
[GenerateSerializer, Immutable, Alias("crm.agents.agent-details")]
public sealed record AgentDetails(
    string WorkspaceId,
    string AgentId,
    string DisplayName,
    string Email,
    string Role,
    int ChatCapacity,
    AgentStatus Status,
    DateTimeOffset StatusSince,
    AgentRoutingProfile? Routing = null);
