namespace Crm.Grains.Abstractions.Reports;

/// <summary>The written definition of a metric (or of a rule every metric follows), as every screen shows it.</summary>
[GenerateSerializer, Immutable, Alias("crm.reports.metric-definition")]
public sealed record MetricDefinition(string Id, string Title, string Text);
