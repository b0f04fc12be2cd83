using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations.Events;

[GenerateSerializer, Alias("crm.conversations.conversation-opened.v1")]
public sealed record ConversationOpened(
    string WorkspaceId,
    string ConversationId,
    string CustomerId,
    string CustomerName,
    Channel Channel,
    string Subject,
    string? QueueId) : DomainEvent;
