namespace Crm.Grains.Abstractions.Reports;

/// <summary>One duration metric measured twice over the same samples: in calendar time and in the workspace's business time.</summary>
[GenerateSerializer, Immutable, Alias("crm.reports.duration-metric")]
public sealed record DurationMetric(DurationSummary Calendar, DurationSummary Business);
