using Crm.Grains.Abstractions.Attributes;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Attributes.Events;

[GenerateSerializer, Alias("crm.attributes.attribute-defined.v1")]
public sealed record AttributeDefined(AttributeTarget Target, string Key, string Label, AttributeKind Kind, IReadOnlyList<string> Options) : DomainEvent;
