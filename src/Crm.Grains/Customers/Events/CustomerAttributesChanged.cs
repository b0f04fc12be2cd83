using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers.Events;

/// <summary>Custom attribute values set (normalized) and removed.</summary>
[GenerateSerializer, Alias("crm.customers.customer-attributes-changed.v1")]
public sealed record CustomerAttributesChanged(IReadOnlyDictionary<string, string> Set, IReadOnlyList<string> Removed) : DomainEvent;
