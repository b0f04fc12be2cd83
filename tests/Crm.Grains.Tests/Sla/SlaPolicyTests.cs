using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Sla;
using Xunit;

namespace Crm.Grains.Tests.Sla;

public sealed class SlaPolicyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public void Create_NonPositiveTarget_InvalidNamingMetricAndPriority(int minutes)
    {
        var error = Assert.Throws<DomainException>(() =>
            SlaPolicy.Create(new SlaTargets(Priority.High, TimeSpan.FromHours(1), TimeSpan.FromMinutes(minutes), null)));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
        Assert.Contains("NextResponse target for High priority must be longer than zero", error.Message);
    }

    [Fact]
    public void Create_TwoTargetSetsForOnePriority_Invalid()
    {
        var error = Assert.Throws<DomainException>(() => SlaPolicy.Create(
            new SlaTargets(Priority.Low, TimeSpan.FromHours(8), null, null),
            new SlaTargets(Priority.Low, TimeSpan.FromHours(4), null, null)));

        Assert.Contains("more than one set of targets for Low priority", error.Message);
    }

    [Fact]
    public void Create_UndefinedPriority_Invalid()
    {
        var error = Assert.Throws<DomainException>(() => SlaPolicy.Create(new SlaTargets((Priority)9, TimeSpan.FromHours(1), null, null)));

        Assert.Contains("'9' is not a priority", error.Message);
    }

    [Fact]
    public void SlaClock_InvalidPolicyBuiltWithoutTheFactory_Refused()
    {
        var policy = new SlaPolicy([new SlaTargets(Priority.Urgent, TimeSpan.Zero, null, null)]);

        Assert.Throws<DomainException>(() => new SlaClock(policy, BusinessCalendar.Default));
    }

    [Fact]
    public void For_PriorityWithoutTargets_Null()
    {
        var policy = SlaPolicy.Create(new SlaTargets(Priority.Urgent, TimeSpan.FromMinutes(15), null, TimeSpan.FromHours(4)));

        Assert.Null(policy.For(Priority.Low));
        Assert.Equal(TimeSpan.FromHours(4), policy.For(Priority.Urgent)?.For(SlaMetric.Resolution));
    }

    [Fact]
    public void Equals_SameTargetsInAnyOrder_Equal()
    {
        var low = new SlaTargets(Priority.Low, TimeSpan.FromHours(8), null, null);
        var urgent = new SlaTargets(Priority.Urgent, TimeSpan.FromMinutes(15), null, null);

        Assert.Equal(SlaPolicy.Create(low, urgent), SlaPolicy.Create(urgent, low));
        Assert.Equal(SlaPolicy.Create(low, urgent).GetHashCode(), SlaPolicy.Create(urgent, low).GetHashCode());
    }
}
