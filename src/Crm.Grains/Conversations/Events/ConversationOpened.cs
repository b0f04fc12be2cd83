using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations.Events;

/// <param name="Skills">Skills an agent needs for it, beyond its queue's (null in events stored before routing).</param>
[GenerateSerializer, Alias("crm.conversations.conversation-opened.v1")]
public sealed record ConversationOpened(
    string WorkspaceId,
    string ConversationId,
    string CustomerId,
    string CustomerName,
    Channel Channel,
    string Subject,
    string? QueueId,
    IReadOnlyList<string>? Skills = null) : DomainEvent;
