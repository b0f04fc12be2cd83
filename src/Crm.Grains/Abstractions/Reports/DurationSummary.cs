namespace Crm.Grains.Abstractions.Reports;

/// <summary>
/// How long something took, over the <see cref="Count"/> durations counted, in whole seconds; the statistics are null
/// when nothing was counted. See ReportDefinitions for how each is computed.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.reports.duration-summary")]
public sealed record DurationSummary(int Count, long? AverageSeconds, long? MedianSeconds, long? P90Seconds)
{
    public static DurationSummary Empty { get; } = new(0, null, null, null);
}
