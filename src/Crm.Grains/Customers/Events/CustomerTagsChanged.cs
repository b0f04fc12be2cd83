using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers.Events;

[GenerateSerializer, Alias("crm.customers.customer-tags-changed.v1")]
public sealed record CustomerTagsChanged(IReadOnlyList<string> Added, IReadOnlyList<string> Removed) : DomainEvent;
