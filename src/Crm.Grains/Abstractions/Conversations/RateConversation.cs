namespace Crm.Grains.Abstractions.Conversations;

/// <summary>A customer's rating of how the conversation went: 1 (very unhappy) to 5 (very happy).</summary>
[GenerateSerializer, Immutable, Alias("crm.conversations.rate-conversation")]
public sealed record RateConversation(int Score, string? Comment, Author By);
