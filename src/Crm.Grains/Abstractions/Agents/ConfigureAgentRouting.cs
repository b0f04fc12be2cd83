namespace Crm.Grains.Abstractions.Agents;

/// <summary>
/// What routing may give the agent: how many chats and tickets at once (counted apart), their skills and the teams
/// whose queues they serve. Replaces the previous settings as a whole; idempotent when nothing changed.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.agents.configure-agent-routing")]
public sealed record ConfigureAgentRouting(
    int ChatCapacity,
    int TicketCapacity,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Teams,
    string Actor);
