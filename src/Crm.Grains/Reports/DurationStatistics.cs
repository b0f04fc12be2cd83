using Crm.Grains.Abstractions.Reports;

namespace Crm.Grains.Reports;

/// <summary>Average, median and 90th percentile of durations in whole seconds, as ReportDefinitions words them.</summary>
public static class DurationStatistics
{
    /// <summary>Whole seconds, rounded down; a negative span (a clock stepped back) counts as zero.</summary>
    public static long Seconds(TimeSpan duration) => Math.Max(0, duration.Ticks / TimeSpan.TicksPerSecond);

    public static DurationSummary Summarize(IEnumerable<long> seconds)
    {
        var sorted = seconds.Order().ToArray();
        if (sorted.Length == 0) return DurationSummary.Empty;
        return new DurationSummary(sorted.Length, sorted.Sum() / sorted.Length, NearestRank(sorted, 50), NearestRank(sorted, 90));
    }

    /// <summary>The smallest value with at least <paramref name="percent"/>% of the values at or below it.</summary>
    private static long NearestRank(long[] sorted, int percent) => sorted[(percent * sorted.Length + 99) / 100 - 1];
}
