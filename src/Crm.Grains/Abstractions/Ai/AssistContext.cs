using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Ai;

/// <summary>What the engines know about one conversation when they suggest, draft or summarize.</summary>
/// <param name="SlaDueAt">When the next SLA target breaches (null: none runs).</param>
/// <param name="PriorConversations">The customer's other conversations in the last 7 days (repeated contact).</param>
[GenerateSerializer, Immutable, Alias("crm.ai.assist-context")]
public sealed record AssistContext(
    string WorkspaceId,
    string ConversationId,
    string CustomerName,
    string? CustomerEmail,
    IReadOnlyList<ContextMessage> Messages,
    Priority Priority,
    DateTimeOffset? SlaDueAt,
    bool SlaBreached,
    DateTimeOffset Now,
    IReadOnlyList<CannedOption> CannedResponses,
    IReadOnlyList<DuplicateCandidate> Duplicates,
    string AgentName = "",
    int PriorConversations = 0);
