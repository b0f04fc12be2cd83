namespace Crm.Grains.Abstractions.Directory;

/// <summary>A row of the review queue: two records that look like one person.</summary>
[GenerateSerializer, Immutable, Alias("crm.directory.duplicate-pair")]
public sealed record DuplicatePair(string CustomerId, string Name, DuplicateMatch Match);
