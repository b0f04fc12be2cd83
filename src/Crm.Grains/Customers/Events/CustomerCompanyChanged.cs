using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers.Events;

/// <summary>The customer now works at this company (null: at none we know).</summary>
[GenerateSerializer, Alias("crm.customers.customer-company-changed.v1")]
public sealed record CustomerCompanyChanged(string? CompanyId) : DomainEvent;
