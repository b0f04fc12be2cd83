namespace Crm.Grains.Abstractions.Directory;

/// <summary>The contact fields duplicates are looked for by; <paramref name="CustomerId"/> (the record itself) is never its own match.</summary>
[GenerateSerializer, Immutable, Alias("crm.directory.duplicate-probe")]
public sealed record DuplicateProbe(string? CustomerId, string Name, string? Email, string? Phone, string? CompanyId);
