using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Sla;
using Xunit;
using static Crm.Grains.Tests.Sla.SlaTime;

namespace Crm.Grains.Tests.Sla;

/// <summary>Office hours Monday–Friday 09:00–17:00 UTC; the conversation opens Monday 2025-01-06 10:00.</summary>
public sealed class SlaClockTests
{
    private static readonly SlaPolicy Policy = SlaPolicy.Create(
        new SlaTargets(Priority.Low, null, null, TimeSpan.FromHours(16)),
        new SlaTargets(Priority.Normal, TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(8)),
        new SlaTargets(Priority.Urgent, TimeSpan.FromMinutes(15), null, TimeSpan.FromHours(4)));

    private static readonly DateTimeOffset Opened = Utc("2025-01-06 10:00");

    private readonly SlaClock clock = new(Policy, BusinessCalendar.Default);

    private static SlaFacts Facts(Priority priority = Priority.Normal) => SlaFacts.Opened(priority, Opened);

    [Fact]
    public void Evaluate_BeforeAnyDue_TargetsRunWithRemainingTime()
    {
        var status = clock.Evaluate(Facts(), Utc("2025-01-06 10:30"));

        var first = status.For(SlaMetric.FirstResponse)!;
        Assert.Equal(Utc("2025-01-06 11:00"), first.Due);
        Assert.Equal(TimeSpan.FromMinutes(30), first.Remaining);
        Assert.True(first.IsRunning);
        Assert.Null(first.BreachedAt);
        Assert.Equal(Utc("2025-01-07 10:00"), status.For(SlaMetric.Resolution)!.Due);
        Assert.Null(status.For(SlaMetric.NextResponse)); // nothing has been answered yet
        Assert.Equal(Utc("2025-01-06 11:00"), status.NextBreachAt);
    }

    [Fact]
    public void Evaluate_ExactlyAtTheDueInstant_Breached()
    {
        var first = clock.Evaluate(Facts(), Utc("2025-01-06 11:00")).For(SlaMetric.FirstResponse)!;

        Assert.True(first.IsBreached);
        Assert.Equal(Utc("2025-01-06 11:00"), first.BreachedAt);
        Assert.Equal(TimeSpan.Zero, first.Remaining);
    }

    [Fact]
    public void Evaluate_OneTickBeforeTheDueInstant_NotBreached()
    {
        var first = clock.Evaluate(Facts(), Utc("2025-01-06 11:00").AddTicks(-1)).For(SlaMetric.FirstResponse)!;

        Assert.False(first.IsBreached);
        Assert.Equal(TimeSpan.FromTicks(1), first.Remaining);
    }

    [Fact]
    public void Evaluate_LongOverdue_RemainingIsNegativeBusinessTime()
    {
        // Due Monday 11:00; by Tuesday 10:00 six hours of Monday and one of Tuesday have passed.
        var first = clock.Evaluate(Facts(), Utc("2025-01-07 10:00")).For(SlaMetric.FirstResponse)!;

        Assert.Equal(TimeSpan.FromHours(-7), first.Remaining);
        Assert.Equal(Utc("2025-01-06 11:00"), first.BreachedAt);
    }

    [Theory]
    [InlineData("2025-01-06 10:59", false, 1.0)]
    [InlineData("2025-01-06 11:00", true, 0.0)] // a reply at the due instant is late
    [InlineData("2025-01-06 11:30", true, -30.0)]
    public void Evaluate_AfterTheFirstReply_CompletedAndJudgedAtTheReply(string repliedAt, bool breached, double remainingMinutes)
    {
        var facts = Facts() with { FirstRepliedAt = Utc(repliedAt), LastRepliedAt = Utc(repliedAt) };

        var first = clock.Evaluate(facts, Utc("2025-01-08 12:00")).For(SlaMetric.FirstResponse)!;

        Assert.Equal(Utc(repliedAt), first.CompletedAt);
        Assert.Equal(breached, first.IsBreached);
        Assert.Equal(TimeSpan.FromMinutes(remainingMinutes), first.Remaining);
        Assert.False(first.IsRunning);
    }

    [Fact]
    public void Evaluate_OpenedOutsideBusinessHours_ClockStartsAtTheNextOpening()
    {
        var facts = SlaFacts.Opened(Priority.Normal, Utc("2025-01-10 16:30"));

        var status = clock.Evaluate(facts, Utc("2025-01-11 12:00"));

        Assert.Equal(Utc("2025-01-13 09:30"), status.For(SlaMetric.FirstResponse)!.Due);
        Assert.Equal(TimeSpan.FromMinutes(30), status.For(SlaMetric.FirstResponse)!.Remaining);
    }

    [Fact]
    public void Evaluate_PauseDuringBusinessHours_ShiftsDueByThePause()
    {
        var facts = Facts() with { Pauses = [new SlaPause(Utc("2025-01-06 12:00"), Utc("2025-01-06 14:00"))] };

        var resolution = clock.Evaluate(facts, Utc("2025-01-06 15:00")).For(SlaMetric.Resolution)!;

        Assert.Equal(Utc("2025-01-07 12:00"), resolution.Due);
        Assert.Equal(TimeSpan.FromHours(5), resolution.Remaining); // 5 hours since opening, 2 of them paused
        Assert.False(resolution.IsPaused);
    }

    [Fact]
    public void Evaluate_PauseSpanningTheNight_ShiftsOnlyByTheOpenHoursItCovered()
    {
        // Paused Monday 16:00 to Tuesday 10:00: one open hour each side of the night.
        var facts = Facts() with { Pauses = [new SlaPause(Utc("2025-01-06 16:00"), Utc("2025-01-07 10:00"))] };

        var resolution = clock.Evaluate(facts, Utc("2025-01-07 11:00")).For(SlaMetric.Resolution)!;

        Assert.Equal(Utc("2025-01-07 12:00"), resolution.Due);
        Assert.Equal(TimeSpan.FromHours(1), resolution.Remaining);
    }

    [Fact]
    public void Evaluate_OverlappingPauses_CountedOnce()
    {
        var facts = Facts() with
        {
            Pauses =
            [
                new SlaPause(Utc("2025-01-06 13:00"), Utc("2025-01-06 15:00")),
                new SlaPause(Utc("2025-01-06 12:00"), Utc("2025-01-06 14:00")),
                new SlaPause(Utc("2025-01-06 15:00"), Utc("2025-01-06 15:00")), // empty
            ],
        };

        var resolution = clock.Evaluate(facts, Utc("2025-01-06 16:00")).For(SlaMetric.Resolution)!;

        Assert.Equal(Utc("2025-01-07 13:00"), resolution.Due);
    }

    [Fact]
    public void Evaluate_OngoingPause_PausedWithRemainingTimeFrozen()
    {
        var facts = Facts() with { FirstRepliedAt = Utc("2025-01-06 10:20"), Pauses = [new SlaPause(Utc("2025-01-06 12:00"), null)] };

        var monday = clock.Evaluate(facts, Utc("2025-01-06 14:00"));
        var wednesday = clock.Evaluate(facts, Utc("2025-01-08 16:00"));

        var resolution = monday.For(SlaMetric.Resolution)!;
        Assert.True(resolution.IsPaused);
        Assert.False(resolution.IsBreached);
        Assert.Equal(TimeSpan.FromHours(6), resolution.Remaining);
        Assert.Equal(Utc("2025-01-07 12:00"), resolution.Due); // if the pause ended now
        Assert.Equal(TimeSpan.FromHours(6), wednesday.For(SlaMetric.Resolution)!.Remaining);
        Assert.Equal(Utc("2025-01-09 14:00"), wednesday.For(SlaMetric.Resolution)!.Due);
        Assert.Null(monday.NextBreachAt); // nothing runs: no timer needed
    }

    [Fact]
    public void Evaluate_PausedAfterTheBreach_StaysBreached()
    {
        var facts = Facts() with { Pauses = [new SlaPause(Utc("2025-01-06 12:00"), null)] };

        var first = clock.Evaluate(facts, Utc("2025-01-06 14:00")).For(SlaMetric.FirstResponse)!;

        Assert.True(first.IsBreached);
        Assert.True(first.IsPaused);
        Assert.Equal(Utc("2025-01-06 11:00"), first.BreachedAt);
        Assert.Equal(TimeSpan.FromHours(-1), first.Remaining); // the paused time does not count against it
    }

    [Fact]
    public void Evaluate_PauseEndedBeforeNow_NoLongerPausedAndRunsAgain()
    {
        var facts = Facts() with { Pauses = [new SlaPause(Utc("2025-01-06 10:10"), Utc("2025-01-06 10:40"))] };

        var status = clock.Evaluate(facts, Utc("2025-01-06 10:40"));

        Assert.False(status.For(SlaMetric.FirstResponse)!.IsPaused);
        Assert.Equal(Utc("2025-01-06 11:30"), status.NextBreachAt);
    }

    [Fact]
    public void Evaluate_PauseAfterTheReply_DoesNotMoveACompletedTarget()
    {
        var facts = Facts() with { FirstRepliedAt = Utc("2025-01-06 10:30"), Pauses = [new SlaPause(Utc("2025-01-06 10:45"), null)] };

        var first = clock.Evaluate(facts, Utc("2025-01-06 12:00")).For(SlaMetric.FirstResponse)!;

        Assert.Equal(Utc("2025-01-06 11:00"), first.Due);
        Assert.False(first.IsPaused);
        Assert.Equal(TimeSpan.FromMinutes(30), first.Remaining);
    }

    [Fact]
    public void Evaluate_CustomerWritesAfterTheFirstReply_NextResponseRuns()
    {
        var facts = Facts() with { FirstRepliedAt = Utc("2025-01-06 10:30"), WaitingSince = Utc("2025-01-06 15:30") };

        var status = clock.Evaluate(facts, Utc("2025-01-06 16:30"));

        var next = status.For(SlaMetric.NextResponse)!;
        Assert.Equal(Utc("2025-01-06 15:30"), next.StartedAt);
        Assert.Equal(Utc("2025-01-07 09:30"), next.Due);
        Assert.Equal(TimeSpan.FromHours(1), next.Remaining);
        Assert.Equal(Utc("2025-01-07 09:30"), status.NextBreachAt); // before resolution's Tuesday 10:00
    }

    [Fact]
    public void Evaluate_NextResponseAnswered_CompletedAndMet()
    {
        var facts = Facts() with
        {
            FirstRepliedAt = Utc("2025-01-06 10:30"),
            WaitingSince = Utc("2025-01-06 16:00"),
            LastRepliedAt = Utc("2025-01-07 09:45"),
        };

        var next = clock.Evaluate(facts, Utc("2025-01-07 12:00")).For(SlaMetric.NextResponse)!;

        Assert.Equal(Utc("2025-01-07 09:45"), next.CompletedAt);
        Assert.False(next.IsBreached);
        Assert.Equal(TimeSpan.FromMinutes(15), next.Remaining);
    }

    [Fact]
    public void Evaluate_ReplyOlderThanTheWait_CustomerStillWaiting()
    {
        var facts = Facts() with
        {
            FirstRepliedAt = Utc("2025-01-06 10:30"),
            WaitingSince = Utc("2025-01-06 16:00"),
            LastRepliedAt = Utc("2025-01-06 10:30"),
        };

        var next = clock.Evaluate(facts, Utc("2025-01-07 10:00")).For(SlaMetric.NextResponse)!;

        Assert.Null(next.CompletedAt);
        Assert.True(next.IsBreached);
    }

    [Fact]
    public void Evaluate_WaitBeganBeforeTheFirstReply_NoNextResponse()
    {
        // The customer's opening message is the first response's business, not the next response's.
        var facts = Facts() with { WaitingSince = Opened, FirstRepliedAt = Utc("2025-01-06 10:30"), LastRepliedAt = Utc("2025-01-06 10:30") };

        Assert.Null(clock.Evaluate(facts, Utc("2025-01-06 12:00")).For(SlaMetric.NextResponse));
    }

    [Fact]
    public void Evaluate_EverythingCompleted_NoNextBreach()
    {
        var facts = Facts() with { FirstRepliedAt = Utc("2025-01-06 10:30"), ResolvedAt = Utc("2025-01-06 15:00") };

        var status = clock.Evaluate(facts, Utc("2025-01-06 15:00"));

        Assert.False(status.IsAnyBreached);
        Assert.Null(status.NextBreachAt);
        Assert.Equal(TimeSpan.FromHours(3), status.For(SlaMetric.Resolution)!.Remaining);
    }

    [Fact]
    public void Evaluate_PriorityWithoutTargets_NoTargets()
    {
        var status = clock.Evaluate(Facts(Priority.High), Utc("2025-01-10 12:00"));

        Assert.Empty(status.Targets);
        Assert.Null(status.NextBreachAt);
        Assert.Equal(Priority.High, status.Priority);
    }

    [Fact]
    public void Evaluate_PolicyWithoutSomeTargets_OnlyTheSetOnes()
    {
        var status = clock.Evaluate(Facts(Priority.Low), Utc("2025-01-06 12:00"));

        Assert.Equal([SlaMetric.Resolution], status.Targets.Select(t => t.Metric));
        Assert.Equal(Utc("2025-01-08 10:00"), status.NextBreachAt);
    }

    [Fact]
    public void NextBreachAt_SeveralRunning_TheEarliestDue()
    {
        Assert.Equal(Utc("2025-01-06 10:15"), clock.NextBreachAt(Facts(Priority.Urgent), Utc("2025-01-06 10:05")));

        // Once the first response breaches, the timer moves on to resolution.
        Assert.Equal(Utc("2025-01-06 14:00"), clock.NextBreachAt(Facts(Priority.Urgent), Utc("2025-01-06 10:15")));
    }

    [Fact]
    public void Evaluate_AlwaysOpenCalendar_PlainArithmetic()
    {
        var roundTheClock = new SlaClock(Policy, BusinessCalendar.AlwaysOpen);
        var facts = SlaFacts.Opened(Priority.Normal, Utc("2025-01-11 22:30"));

        var status = roundTheClock.Evaluate(facts, Utc("2025-01-11 23:00"));

        Assert.Equal(Utc("2025-01-11 23:30"), status.For(SlaMetric.FirstResponse)!.Due);
        Assert.Equal(Utc("2025-01-12 06:30"), status.For(SlaMetric.Resolution)!.Due);
    }

    [Fact]
    public void Evaluate_BerlinCalendarOverSpringForward_DueInLocalBusinessHours()
    {
        var berlin = new SlaClock(Policy, BusinessCalendar.WeekdaysNineToFive(Berlin));
        var facts = SlaFacts.Opened(Priority.Normal, Local(Berlin, "2025-03-28 16:30"));

        var first = berlin.Evaluate(facts, Local(Berlin, "2025-03-29 12:00")).For(SlaMetric.FirstResponse)!;

        Assert.Equal(Local(Berlin, "2025-03-31 09:30"), first.Due);
        Assert.Equal(Utc("2025-03-31 07:30"), first.Due);
    }

    [Fact]
    public void Evaluate_SameInstantWithAnotherOffset_SameStatus()
    {
        var now = Utc("2025-01-06 10:30");

        Assert.Equal(clock.Evaluate(Facts(), now), clock.Evaluate(Facts(), now.ToOffset(TimeSpan.FromHours(-5))));
    }
}
