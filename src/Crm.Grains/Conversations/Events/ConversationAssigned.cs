using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations.Events;

/// <summary>A null <see cref="AgentId"/> means unassigned. Also a thread entry (<see cref="Seq"/>).</summary>
/// <param name="RouteNo">Set when the router made the change: its decision's number (see RouteConversation).</param>
[GenerateSerializer, Alias("crm.conversations.conversation-assigned.v1")]
public sealed record ConversationAssigned(long Seq, string? AgentId, string? AgentName, Author AssignedBy, long? RouteNo = null) : DomainEvent;
