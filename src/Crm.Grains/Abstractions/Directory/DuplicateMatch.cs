namespace Crm.Grains.Abstractions.Directory;

/// <summary>A suspected duplicate: 0–100 (100: same email), and the reasons in words ("same email ada@example.com").</summary>
[GenerateSerializer, Immutable, Alias("crm.directory.duplicate-match")]
public sealed record DuplicateMatch(string CustomerId, string Name, string? Email, int Score, IReadOnlyList<string> Reasons);
