namespace Crm.Grains.Abstractions.Ai;

/// <summary>A customer of the rep and what they wrote lately (customer messages only, newest last), for buying signals.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.customer-excerpt")]
public sealed record CustomerExcerpt(string CustomerId, string Name, string? CompanyName, string? ConversationId, IReadOnlyList<ContextMessage> Messages);
