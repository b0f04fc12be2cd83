using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers.Events;

/// <summary>A conversation was started by (or for) this customer: what a returning visitor's history lists.</summary>
[GenerateSerializer, Alias("crm.customers.customer-conversation-linked.v1")]
public sealed record CustomerConversationLinked(string ConversationId) : DomainEvent;
