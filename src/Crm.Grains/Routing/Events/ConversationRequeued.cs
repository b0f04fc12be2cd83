using Crm.Grains.EventSourcing;

namespace Crm.Grains.Routing.Events;

/// <summary>
/// Work taken back from <see cref="AgentId"/> (they went offline, or a person unassigned it) to the front of its queue.
/// </summary>
/// <param name="AwaitsRelease">The conversation still names the agent: their slot stays counted until the router's
/// unassign or reassign has landed (<see cref="ConversationReleased"/>), so no agent is ever over capacity.</param>
[GenerateSerializer, Alias("crm.routing.conversation-requeued.v1")]
public sealed record ConversationRequeued(string ConversationId, string AgentId, bool AwaitsRelease) : DomainEvent;
