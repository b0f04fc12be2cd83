namespace Crm.Grains.Abstractions.Customers;

/// <summary>Records that a conversation belongs to this customer; a no-op when already linked.</summary>
[GenerateSerializer, Immutable, Alias("crm.customers.link-conversation")]
public sealed record LinkConversation(string ConversationId, string Actor);
