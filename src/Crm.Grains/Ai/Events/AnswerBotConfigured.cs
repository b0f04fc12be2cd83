using Crm.Grains.EventSourcing;

namespace Crm.Grains.Ai.Events;

/// <summary>An admin turned the widget's answer bot on or off.</summary>
[GenerateSerializer, Alias("crm.ai.answer-bot-configured.v1")]
public sealed record AnswerBotConfigured(bool Enabled) : DomainEvent;
