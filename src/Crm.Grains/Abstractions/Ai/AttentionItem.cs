namespace Crm.Grains.Abstractions.Ai;

/// <summary>A conversation that needs a supervisor, how much (<see cref="Score"/>) and why.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.attention-item")]
public sealed record AttentionItem(string ConversationId, string CustomerName, double Score, string Reason, IReadOnlyList<Signal> Signals);
