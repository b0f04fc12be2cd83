using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

/// <summary>
/// A person assigned tracked work (seen in the conversation's stream, or in its answer to a route): it counts on that
/// agent from now on. A person may go beyond an agent's capacity; the router never does.
/// </summary>
[GenerateSerializer, Alias("crm.routing.conversation-assigned-manually.v1")]
public sealed record ConversationAssignedManually(string ConversationId, string AgentId, long Seq) : DomainEvent;
