using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers.Events;

/// <summary>This record was merged into <paramref name="SurvivorId"/>: from now on its id redirects there. Its events stay.</summary>
[GenerateSerializer, Alias("crm.customers.customer-merged-into.v1")]
public sealed record CustomerMergedInto(string SurvivorId) : DomainEvent;
