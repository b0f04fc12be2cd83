namespace Crm.Grains.Abstractions.Companies;

[GenerateSerializer, Immutable, Alias("crm.companies.company-details")]
public sealed record CompanyDetails(
    string WorkspaceId,
    string CompanyId,
    string Name,
    string? Domain,
    string? ParentId,
    string? OwnerId,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset CreatedAt,
    long Version);
