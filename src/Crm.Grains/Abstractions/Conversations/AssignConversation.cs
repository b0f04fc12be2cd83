namespace Crm.Grains.Abstractions.Conversations;

/// <summary>Assigns the conversation to one agent, or unassigns it when <see cref="AgentId"/> is null.</summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.assign-conversation")]
public sealed record AssignConversation(string? AgentId, string? AgentName, Author By);
