namespace Crm.Grains.Abstractions.Routing;

/// <summary>An agent's answer to the conversation offered to them (accept or decline).</summary>
[GenerateSerializer, Immutable, Alias("crm.routing.answer-offer")]
public sealed record AnswerOffer(string ConversationId, string AgentId, string Actor);
