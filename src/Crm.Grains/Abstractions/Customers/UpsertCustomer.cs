namespace Crm.Grains.Abstractions.Customers;

/// <summary>Creates the customer or updates its profile; nothing is written when nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("crm.customers.upsert-customer")]
public sealed record UpsertCustomer(string Name, string? Email, string? Phone, string? CompanyName, string Actor);
