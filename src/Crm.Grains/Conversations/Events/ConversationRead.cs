using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations.Events;

/// <summary>The team has read the thread up to <see cref="UpToSeq"/>. Raised only when a customer message becomes read.</summary>
[GenerateSerializer, Alias("crm.conversations.conversation-read.v1")]
public sealed record ConversationRead(long UpToSeq) : DomainEvent;
