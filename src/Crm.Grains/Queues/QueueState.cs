using Crm.Grains.Abstractions.Queues;
using Crm.Grains.EventSourcing;
using Crm.Grains.Queues.Events;

namespace Crm.Grains.Queues;

public sealed class QueueState : IEventSourcedState
{
    public Dictionary<string, QueuedConversation> Waiting { get; } = [];

    public void Apply(DomainEvent @event)
    {
        if (@event is ConversationEnqueued e)
            Waiting[e.ConversationId] = new QueuedConversation(e.ConversationId, e.Priority, e.At);
    }
}
