namespace Crm.Grains.Abstractions.Conversations;

/// <summary>
/// The router's hand on a conversation: assign it to <paramref name="AgentId"/> (unassign when null), but only from an
/// assignee the router knows about (none, or <paramref name="ReplacesAgentId"/>, the agent it is taking the work back
/// from), and only if <paramref name="RouteNo"/> is not older than the last route applied. Anything else means a person
/// or a newer decision got there first, and nothing changes.
/// </summary>
/// <param name="RouteNo">The router's stream version of the decision: increasing, so a stale delivery never wins.</param>
[GenerateSerializer, Immutable, Alias("crm.conversations.route-conversation")]
public sealed record RouteConversation(string? AgentId, string? AgentName, string? ReplacesAgentId, long RouteNo);
