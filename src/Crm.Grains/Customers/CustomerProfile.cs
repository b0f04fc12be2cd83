namespace Crm.Grains.Customers;

/// <summary>The values a save or a merge wants a customer to have; null tags or attributes: leave them as they are.</summary>
internal sealed record CustomerProfile(
    string Name,
    string? Email,
    string? Phone,
    string? CompanyName,
    string? CompanyId,
    string? OwnerId,
    IReadOnlyList<string>? Tags,
    IReadOnlyDictionary<string, string?>? Attributes);
