namespace Crm.Grains.Abstractions.Customers;

[GenerateSerializer, Immutable, Alias("crm.customers.customer-details")]
public sealed record CustomerDetails(
    string WorkspaceId,
    string CustomerId,
    string Name,
    string? Email,
    string? Phone,
    string? CompanyName,
    DateTimeOffset CreatedAt);
