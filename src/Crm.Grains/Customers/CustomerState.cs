using Crm.Grains.Customers.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers;

public sealed class CustomerState : IEventSourcedState
{
    public CustomerUpserted? Profile { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public List<string> ConversationIds { get; } = [];

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case CustomerUpserted e:
                if (Profile is null) CreatedAt = e.At;
                Profile = e;
                break;
            case CustomerConversationLinked e:
                ConversationIds.Add(e.ConversationId);
                break;
        }
    }
}
