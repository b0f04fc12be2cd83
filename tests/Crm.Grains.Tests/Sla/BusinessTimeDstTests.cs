using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Sla;
using Xunit;
using static Crm.Grains.Tests.Sla.SlaTime;

namespace Crm.Grains.Tests.Sla;

/// <summary>
/// 2025 transitions. Berlin: 30 March 02:00 CET jumps to 03:00 CEST (01:00Z); 26 October 03:00 CEST falls back to
/// 02:00 CET (01:00Z), so 02:00–03:00 happens twice. New York: 9 March 02:00 EST jumps to 03:00 EDT (07:00Z);
/// 2 November 02:00 EDT falls back to 01:00 EST (06:00Z), so 01:00–02:00 happens twice.
/// </summary>
public sealed class BusinessTimeDstTests
{
    private static BusinessCalendar Sundays(string zoneId, int opensHour, int opensMinute, int closesHour, int closesMinute) =>
        BusinessCalendar.Create(zoneId, [new OpeningHours(DayOfWeek.Sunday, new TimeOnly(opensHour, opensMinute), new TimeOnly(closesHour, closesMinute))], []);

    private static BusinessCalendar AroundTheClock(string zoneId) =>
        BusinessCalendar.Create(zoneId, Enum.GetValues<DayOfWeek>().Select(OpeningHours.AllDay), []);

    [Theory]
    [InlineData(Berlin, "2025-03-28 16:00", "2025-03-31 10:00")] // spring forward over the weekend
    [InlineData(Berlin, "2025-10-24 16:00", "2025-10-27 10:00")] // fall back over the weekend
    [InlineData(NewYork, "2025-03-07 16:00", "2025-03-10 10:00")]
    [InlineData(NewYork, "2025-10-31 16:00", "2025-11-03 10:00")]
    public void AddBusinessTime_OfficeHoursOverADstWeekend_KeepsLocalOpeningHours(string zoneId, string localStart, string localDue)
    {
        var calendar = BusinessCalendar.WeekdaysNineToFive(zoneId);

        var due = BusinessTime.AddBusinessTime(calendar, Local(zoneId, localStart), TimeSpan.FromHours(2));

        Assert.Equal(Local(zoneId, localDue), due);
        Assert.Equal(TimeSpan.FromHours(2), BusinessTime.BusinessTimeBetween(calendar, Local(zoneId, localStart), Local(zoneId, localDue)));
    }

    [Theory]
    // An interval spanning the skipped hour is an hour shorter; one spanning the repeated hour an hour longer.
    [InlineData(Berlin, "2025-03-30", 1, 0, 5, 0, 3.0)]
    [InlineData(Berlin, "2025-10-26", 1, 0, 5, 0, 5.0)]
    [InlineData(NewYork, "2025-03-09", 0, 0, 4, 0, 3.0)]
    [InlineData(NewYork, "2025-11-02", 0, 0, 4, 0, 5.0)]
    // Wholly inside the skipped hour: empty.
    [InlineData(Berlin, "2025-03-30", 2, 15, 2, 45, 0.0)]
    // Opening in the skipped hour: opens when the clocks jump.
    [InlineData(Berlin, "2025-03-30", 2, 30, 4, 0, 1.0)]
    [InlineData(NewYork, "2025-03-09", 1, 30, 2, 30, 0.5)]
    // A boundary in the repeated hour means its first occurrence, so the interval keeps the whole second pass.
    [InlineData(Berlin, "2025-10-26", 2, 0, 3, 0, 2.0)]
    [InlineData(NewYork, "2025-11-02", 1, 30, 2, 30, 2.0)]
    // Not a transition day: the wall-clock length.
    [InlineData(Berlin, "2025-04-06", 1, 0, 5, 0, 4.0)]
    public void BusinessTimeBetween_SundayIntervalOnTransitionDay_CountsRealElapsedTime(
        string zoneId, string sunday, int opensHour, int opensMinute, int closesHour, int closesMinute, double expectedHours)
    {
        var calendar = Sundays(zoneId, opensHour, opensMinute, closesHour, closesMinute);
        var day = DateOnly.Parse(sunday, System.Globalization.CultureInfo.InvariantCulture);
        var from = Local(zoneId, $"{day.AddDays(-1):yyyy-MM-dd} 12:00");
        var to = Local(zoneId, $"{day.AddDays(1):yyyy-MM-dd} 12:00");

        Assert.Equal(TimeSpan.FromHours(expectedHours), BusinessTime.BusinessTimeBetween(calendar, from, to));
    }

    [Fact]
    public void AddBusinessTime_BerlinSpringForward_DueAtTheRealInstant()
    {
        // Opens 01:00 CET (00:00Z); three real hours later it is 05:00 CEST (03:00Z), the closing. The next Sunday opens at 01:00 CEST (Saturday 23:00Z).
        var calendar = Sundays(Berlin, 1, 0, 5, 0);

        Assert.Equal(Utc("2025-03-30 03:00"), BusinessTime.AddBusinessTime(calendar, Utc("2025-03-29 12:00"), TimeSpan.FromHours(3)));
        Assert.Equal(Utc("2025-04-05 23:30"), BusinessTime.AddBusinessTime(calendar, Utc("2025-03-29 12:00"), TimeSpan.FromHours(3.5)));
    }

    [Fact]
    public void AddBusinessTime_BerlinFallBack_CountsTheRepeatedHour()
    {
        // Opens 01:00 CEST (Saturday 23:00Z), closes 05:00 CET (04:00Z): five real hours.
        var calendar = Sundays(Berlin, 1, 0, 5, 0);

        Assert.Equal(Utc("2025-10-26 01:30"), BusinessTime.AddBusinessTime(calendar, Utc("2025-10-25 12:00"), TimeSpan.FromHours(2.5)));
        Assert.Equal(Utc("2025-10-26 04:00"), BusinessTime.AddBusinessTime(calendar, Utc("2025-10-25 12:00"), TimeSpan.FromHours(5)));
    }

    [Fact]
    public void AddBusinessTime_NewYorkSpringForward_SkipsTheMissingHour()
    {
        // Opens 00:00 EST (05:00Z); 02:00 EST never happens, 04:00 EDT is 08:00Z.
        var calendar = Sundays(NewYork, 0, 0, 4, 0);

        Assert.Equal(Utc("2025-03-09 07:00"), BusinessTime.AddBusinessTime(calendar, Utc("2025-03-08 12:00"), TimeSpan.FromHours(2)));
        Assert.Equal(Utc("2025-03-09 08:00"), BusinessTime.AddBusinessTime(calendar, Utc("2025-03-08 12:00"), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void BusinessTimeBetween_TouchingIntervalsAcrossRepeatedHour_CountEachInstantOnce()
    {
        var split = BusinessCalendar.Create(Berlin,
            [new OpeningHours(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(2, 30)), new OpeningHours(DayOfWeek.Sunday, new TimeOnly(2, 30), new TimeOnly(5, 0))],
            []);
        var whole = Sundays(Berlin, 0, 0, 5, 0);
        var from = Utc("2025-10-25 12:00");
        var to = Utc("2025-10-26 12:00");

        // 00:00 CEST is Saturday 22:00Z and 05:00 CET is 04:00Z: six real hours, however the day is split.
        Assert.Equal(TimeSpan.FromHours(6), BusinessTime.BusinessTimeBetween(whole, from, to));
        Assert.Equal(TimeSpan.FromHours(6), BusinessTime.BusinessTimeBetween(split, from, to));
    }

    [Theory]
    [InlineData(Berlin, "2025-03-29 12:00", "2025-03-30 12:00", 23.0)]
    [InlineData(Berlin, "2025-10-25 12:00", "2025-10-26 12:00", 25.0)]
    [InlineData(NewYork, "2025-03-08 12:00", "2025-03-09 12:00", 23.0)]
    [InlineData(NewYork, "2025-11-01 12:00", "2025-11-02 12:00", 25.0)]
    public void BusinessTimeBetween_AroundTheClockInAZone_EqualsElapsedTimeOverTransitions(string zoneId, string localFrom, string localTo, double hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), BusinessTime.BusinessTimeBetween(AroundTheClock(zoneId), Local(zoneId, localFrom), Local(zoneId, localTo)));
    }

    [Fact]
    public void AddBusinessTime_AroundTheClockInAZone_EqualsPlainArithmetic()
    {
        var random = new Random(11);
        foreach (var zoneId in new[] { Berlin, NewYork })
        {
            var calendar = new BusinessSchedule(AroundTheClock(zoneId));
            for (var i = 0; i < 300; i++)
            {
                var from = Utc("2024-01-01 00:00").AddMinutes(random.Next(0, 3 * 365 * 24 * 60));
                var elapsed = TimeSpan.FromMinutes(random.Next(0, 30 * 24 * 60));

                Assert.Equal(from + elapsed, calendar.Add(from, elapsed));
                Assert.Equal(elapsed, calendar.Between(from, from + elapsed));
            }
        }
    }
}
