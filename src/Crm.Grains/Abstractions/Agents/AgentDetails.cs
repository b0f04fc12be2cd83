namespace Crm.Grains.Abstractions.Agents;

[GenerateSerializer, Immutable, Alias("crm.agents.agent-details")]
public sealed record AgentDetails(
    string WorkspaceId,
    string AgentId,
    string DisplayName,
    string Email,
    string Role,
    int ChatCapacity,
    AgentStatus Status,
    DateTimeOffset StatusSince);
