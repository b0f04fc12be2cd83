using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

/// <summary>The conversation was resolved, closed or snoozed: it leaves its queue, or frees its agent's slot.</summary>
[GenerateSerializer, Alias("crm.routing.conversation-routing-ended.v1")]
public sealed record ConversationRoutingEnded(string ConversationId, ConversationStatus Status, long Seq) : DomainEvent;
