using Crm.Grains.Abstractions.Attributes;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Attributes.Events;

[GenerateSerializer, Alias("crm.attributes.attribute-removed.v1")]
public sealed record AttributeRemoved(AttributeTarget Target, string Key) : DomainEvent;
