using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers;

public sealed class CustomerState : IEventSourcedState
{
    public CustomerUpserted? Profile { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void Apply(DomainEvent @event)
    {
        if (@event is not CustomerUpserted e) return;
        if (Profile is null) CreatedAt = e.At;
        Profile = e;
    }
}
