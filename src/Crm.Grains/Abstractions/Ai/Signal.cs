namespace Crm.Grains.Abstractions.Ai;

/// <summary>One reason behind a suggestion: what was measured (<see cref="Value"/>, 0–1 unless said) and how much it counted.</summary>
[GenerateSerializer, Immutable, Alias("crm.ai.signal")]
public sealed record Signal(string Name, double Value, double Weight, string? Detail = null);
