namespace Crm.Grains.Abstractions.Companies;

/// <summary>Creates or updates a company; attributes change only when given (null or blank removes one). The parent may not lead back to it.</summary>
[GenerateSerializer, Immutable, Alias("crm.companies.save-company")]
public sealed record SaveCompany(
    string Name,
    string? Domain,
    string? ParentId,
    string? OwnerId,
    IReadOnlyDictionary<string, string?>? Attributes,
    string Actor);
