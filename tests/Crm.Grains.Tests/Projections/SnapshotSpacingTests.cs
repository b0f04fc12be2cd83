using Crm.Grains.Projections;
using Xunit;

namespace Crm.Grains.Tests.Projections;

/// <summary>A projection whose snapshots grow costly saves them less often, so saving stays a tenth of its time.</summary>
public sealed class SnapshotSpacingTests
{
    private const int Every = 5_000;

    [Fact]
    public void Due_ACheapSnapshot_IsSavedEveryFewThousandEvents()
    {
        var cost = TimeSpan.FromMilliseconds(2);
        Assert.False(SnapshotSpacing.Due(Every - 1, Every, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), cost));
        Assert.True(SnapshotSpacing.Due(Every, Every, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), cost));
    }

    [Fact]
    public void Due_ASnapshotThatTookASecond_WaitsTenSecondsAfterItFinishedHoweverManyEventsCame()
    {
        var cost = TimeSpan.FromSeconds(1);
        Assert.False(SnapshotSpacing.Due(200_000, Every, TimeSpan.FromSeconds(9.9), TimeSpan.FromSeconds(9.9), cost));
        Assert.True(SnapshotSpacing.Due(200_000, Every, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), cost));
    }

    [Fact]
    public void Due_AQuietProjection_SavesAfterAMinuteWithFewEventsAndNeverWithNone()
    {
        var cost = TimeSpan.FromMilliseconds(2);
        Assert.False(SnapshotSpacing.Due(3, Every, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(59), cost));
        Assert.True(SnapshotSpacing.Due(3, Every, SnapshotSpacing.AtLeastEvery, SnapshotSpacing.AtLeastEvery, cost));
        Assert.False(SnapshotSpacing.Due(0, Every, TimeSpan.FromHours(1), TimeSpan.FromHours(1), cost));
    }
}
