using Crm.Grains.Abstractions.Queues;
using Crm.Grains.EventSourcing;
using Crm.Grains.Queues.Events;

namespace Crm.Grains.Queues;

public sealed class QueueState : IEventSourcedState
{
    /// <summary>Waiting work with its arrival number: ties in priority and time still have one exact order.</summary>
    public Dictionary<string, (QueuedConversation Item, long Arrival)> Waiting { get; } = [];

    private long _arrivals;

    public void Apply(DomainEvent @event)
    {
        if (@event is ConversationEnqueued e)
            Waiting[e.ConversationId] = (new QueuedConversation(e.ConversationId, e.Priority, e.At), ++_arrivals);
    }
}
