using Crm.Grains.EventSourcing;

namespace Crm.Grains.Ai.Events;

/// <summary>A language-model call used <see cref="Tokens"/> tokens of the workspace's budget for <see cref="Month"/> ("yyyy-MM", UTC).</summary>
[GenerateSerializer, Alias("crm.ai.ai-tokens-used.v1")]
public sealed record AiTokensUsed(string Month, long Tokens, string Purpose) : DomainEvent;
