namespace Crm.Grains.EventSourcing;

/// <summary>A grain's state, folded from its stream. Apply never validates: events are facts.</summary>
public interface IEventSourcedState
{
    void Apply(DomainEvent @event);
}
