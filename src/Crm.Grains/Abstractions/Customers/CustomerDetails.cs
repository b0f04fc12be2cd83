namespace Crm.Grains.Abstractions.Customers;

/// <param name="MergedInto">Set once this record was merged: its id redirects to that customer.</param>
/// <param name="Version">The stream version this view was folded to: what <see cref="SaveCustomer.ExpectedVersion"/> names.</param>
[GenerateSerializer, Immutable, Alias("crm.customers.customer-details")]
public sealed record CustomerDetails(
    string WorkspaceId,
    string CustomerId,
    string Name,
    string? Email,
    string? Phone,
    string? CompanyName,
    DateTimeOffset CreatedAt,
    string? CompanyId = null,
    string? OwnerId = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? Attributes = null,
    string? MergedInto = null,
    long Version = 0,
    DateTimeOffset? UpdatedAt = null);
