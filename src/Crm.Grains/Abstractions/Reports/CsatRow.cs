namespace Crm.Grains.Abstractions.Reports;

/// <summary>
/// Customer ratings given in the range, for one agent (<see cref="Key"/> = agent id, empty for unassigned) or for all.
/// <see cref="AverageScore"/> is rounded to 2 decimals, <see cref="SatisfiedPercent"/> to 1; both null without ratings.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.reports.csat-row")]
public sealed record CsatRow(string Key, string Name, int Responses, int Satisfied, double? AverageScore, double? SatisfiedPercent);
