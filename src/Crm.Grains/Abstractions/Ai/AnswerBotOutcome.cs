namespace Crm.Grains.Abstractions.Ai;

/// <summary>What the answer bot did with a visitor's message, and why (for logs and tests).</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.answer-bot-outcome")]
public sealed record AnswerBotOutcome(AnswerBotAction Action, string Reason, string? ArticleId = null, double Score = 0);

[GenerateSerializer, Alias("crm.ai.answer-bot-action")]
public enum AnswerBotAction
{
    /// <summary>Nothing to do: a person replied, it was handed over, or the visitor's message was answered already.</summary>
    Silent = 0,
    Answered = 1,
    HandedOver = 2,
}
