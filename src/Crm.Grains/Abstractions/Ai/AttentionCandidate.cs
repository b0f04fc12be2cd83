using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Ai;

/// <summary>A live conversation the supervisor's attention list weighs.</summary>
/// <param name="WaitingSince">Since when the customer waits for a reply (null: the team spoke last).</param>
[GenerateSerializer, Immutable, Alias("crm.ai.attention-candidate")]
public sealed record AttentionCandidate(
    string ConversationId,
    string CustomerName,
    string LastCustomerText,
    DateTimeOffset? WaitingSince,
    DateTimeOffset? SlaDueAt,
    bool SlaBreached,
    Priority Priority,
    int PriorConversations);
