namespace Crm.Grains.Abstractions.Customers;

/// <summary>
/// Creates or updates a customer from the console or the API: the profile fields replace what is stored; tags and
/// attributes change only when given (an attribute given null or blank is removed). The phone is stored in E.164.
/// With <paramref name="ExpectedVersion"/>, refused as a conflict when the record changed since it was read.
/// <paramref name="CompanyName"/> (the free-text company of a contact, as an import or a chat gives it) is kept when null.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.customers.save-customer")]
public sealed record SaveCustomer(
    string Name,
    string? Email,
    string? Phone,
    string? CompanyId,
    string? OwnerId,
    IReadOnlyList<string>? Tags,
    IReadOnlyDictionary<string, string?>? Attributes,
    string Actor,
    long? ExpectedVersion = null,
    string? CompanyName = null);
