using Crm.Grains.Abstractions.Reports;
using Crm.Grains.Reports;
using Xunit;

namespace Crm.Grains.Tests.Reports;

/// <summary>The statistics as the definitions word them: whole seconds rounded down, nearest-rank median and 90th percentile.</summary>
public sealed class DurationStatisticsTests
{
    [Fact]
    public void Summarize_NoDurations_CountZeroAndNoStatistics() =>
        Assert.Equal(new DurationSummary(0, null, null, null), DurationStatistics.Summarize([]));

    [Fact]
    public void Summarize_TenDurations_NearestRankMedianIsTheFifthAndP90TheNinth() =>
        Assert.Equal(new DurationSummary(10, 55, 50, 90), DurationStatistics.Summarize([100, 90, 80, 70, 60, 50, 40, 30, 20, 10]));

    [Fact]
    public void Summarize_AverageWithAFraction_RoundedDown() =>
        Assert.Equal(new DurationSummary(3, 1, 1, 2), DurationStatistics.Summarize([1, 1, 2]));

    [Fact]
    public void Seconds_FractionAndNegativeSpan_RoundedDownAndZero() =>
        Assert.Equal((179L, 0L), (DurationStatistics.Seconds(TimeSpan.FromMilliseconds(179_999)), DurationStatistics.Seconds(TimeSpan.FromSeconds(-5))));
}
