namespace Crm.Grains.Abstractions.Ai;

/// <summary>An extractive handover summary: sentences taken from the thread, never invented.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.conversation-digest")]
public sealed record ConversationDigest(string Customer, IReadOnlyList<string> Asked, IReadOnlyList<string> Done, IReadOnlyList<string> Pending);
