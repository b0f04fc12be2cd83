namespace Crm.Grains.Imports;

/// <summary>A row that passed validation: every value already normalized as the customer grain would store it.</summary>
public sealed record ImportCandidate(
    long Line, string Name, string? Email, string? Phone, string? CompanyName, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> Attributes);
