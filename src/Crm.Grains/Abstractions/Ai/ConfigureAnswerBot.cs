namespace Crm.Grains.Abstractions.Ai;

/// <summary>Turns the widget's answer bot on or off.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.configure-answer-bot")]
public sealed record ConfigureAnswerBot(bool Enabled, string Actor);
