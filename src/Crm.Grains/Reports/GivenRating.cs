namespace Crm.Grains.Reports;

/// <summary>A customer's rating, when it was given, and the agent credited with it (null: unassigned).</summary>
[GenerateSerializer, Immutable, Alias("crm.reports.given-rating")]
public readonly record struct GivenRating(int Score, DateTimeOffset At, string? AgentId);
