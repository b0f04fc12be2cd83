using Crm.Grains.Abstractions.Attributes;
using Crm.Grains.Attributes.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Attributes;

public sealed class AttributeSchemaState : IEventSourcedState
{
    public List<AttributeDefinition> Definitions { get; } = [];

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case AttributeDefined e:
                Definitions.RemoveAll(d => d.Target == e.Target && d.Key == e.Key);
                Definitions.Add(new AttributeDefinition(e.Target, e.Key, e.Label, e.Kind, e.Options));
                break;
            case AttributeRemoved e:
                Definitions.RemoveAll(d => d.Target == e.Target && d.Key == e.Key);
                break;
        }
    }
}
