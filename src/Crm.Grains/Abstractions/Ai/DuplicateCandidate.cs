namespace Crm.Grains.Abstractions.Ai;

/// <summary>Another customer of the workspace that is probably the same person, and what they share.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.duplicate-candidate")]
public sealed record DuplicateCandidate(string CustomerId, string Name, string SharedField);
