using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations.Events;

/// <summary>Also a thread entry (<see cref="Seq"/>), so a client that reconnects gets status changes in order.</summary>
[GenerateSerializer, Alias("crm.conversations.conversation-status-changed.v1")]
public sealed record ConversationStatusChanged(
    long Seq, ConversationStatus From, ConversationStatus To, DateTimeOffset? SnoozedUntil, Author ChangedBy) : DomainEvent;
