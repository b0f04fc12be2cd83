namespace Crm.Grains.Abstractions.Ai;

/// <summary>One language-model call's tokens (prompt, completion and tool rounds), at the caller's domain time.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.record-ai-tokens")]
public sealed record RecordAiTokens(long Tokens, DateTimeOffset Now, string Purpose, string Actor);
