using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations.Events;

[GenerateSerializer, Alias("crm.conversations.conversation-rated.v1")]
public sealed record ConversationRated(int Score, string? Comment) : DomainEvent;
