using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

/// <summary>The conversation no longer names <see cref="AgentId"/> as a former holder: the slot it kept is free.</summary>
[GenerateSerializer, Alias("crm.routing.conversation-released.v1")]
public sealed record ConversationReleased(string ConversationId, string AgentId) : DomainEvent;
