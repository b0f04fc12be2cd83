using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations.Events;

[GenerateSerializer, Alias("crm.conversations.message-posted.v1")]
public sealed record MessagePosted(long Seq, Guid ClientMessageId, Author Author, string Body) : DomainEvent;
