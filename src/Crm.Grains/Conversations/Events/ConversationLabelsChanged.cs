using Crm.Grains.EventSourcing;

namespace Crm.Grains.Conversations.Events;

[GenerateSerializer, Alias("crm.conversations.conversation-labels-changed.v1")]
public sealed record ConversationLabelsChanged(IReadOnlyList<string> Added, IReadOnlyList<string> Removed) : DomainEvent;
