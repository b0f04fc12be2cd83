namespace Crm.Grains.Abstractions.Ai;

/// <summary>Whether the widget's answer bot answers visitors in this workspace (off until an admin turns it on).</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.answer-bot-settings")]
public sealed record AnswerBotSettings(bool Enabled, DateTimeOffset? ChangedAt = null, string? ChangedBy = null);
