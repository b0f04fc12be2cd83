using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers.Events;

[GenerateSerializer, Alias("crm.customers.customer-upserted.v1")]
public sealed record CustomerUpserted(string Name, string? Email, string? Phone, string? CompanyName) : DomainEvent;
