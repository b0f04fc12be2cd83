using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations.Events;

[GenerateSerializer, Alias("crm.conversations.conversation-priority-changed.v1")]
public sealed record ConversationPriorityChanged(Priority Priority) : DomainEvent;
