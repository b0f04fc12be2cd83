using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Sla;
using Xunit;
using static Crm.Grains.Tests.Sla.SlaTime;

namespace Crm.Grains.Tests.Sla;

/// <summary>Monday 2025-01-06 to Friday 2025-01-10 is a plain working week; 2025-01-13 is the next Monday.</summary>
public sealed class BusinessTimeTests
{
    private static readonly BusinessCalendar Office = BusinessCalendar.Default;

    private static readonly BusinessCalendar OfficeWithHoliday =
        BusinessCalendar.WeekdaysNineToFive("UTC", [new DateOnly(2025, 1, 13)]);

    // A night shift written as two touching intervals across midnight.
    private static readonly BusinessCalendar NightShift = BusinessCalendar.Create("UTC",
        [OpeningHours.UntilMidnight(DayOfWeek.Monday, new TimeOnly(22, 0)), new OpeningHours(DayOfWeek.Tuesday, OpeningHours.Midnight, new TimeOnly(6, 0))],
        []);

    [Theory]
    [InlineData("2025-01-06 10:00", 2.0, "2025-01-06 12:00")] // within a day
    [InlineData("2025-01-06 15:00", 2.0, "2025-01-06 17:00")] // ends exactly at closing: the closing, not the next opening
    [InlineData("2025-01-06 16:00", 2.0, "2025-01-07 10:00")] // across the evening close to the next morning
    [InlineData("2025-01-10 16:00", 2.0, "2025-01-13 10:00")] // over a weekend
    [InlineData("2025-01-11 12:00", 1.0, "2025-01-13 10:00")] // starts on a Saturday: the clock starts at Monday's opening
    [InlineData("2025-01-07 07:00", 1.0, "2025-01-07 10:00")] // starts before opening
    [InlineData("2025-01-07 18:30", 0.5, "2025-01-08 09:30")] // starts after closing
    [InlineData("2025-01-07 09:00", 0.5, "2025-01-07 09:30")] // starts exactly at opening
    [InlineData("2025-01-07 17:00", 0.5, "2025-01-08 09:30")] // starts exactly at closing
    [InlineData("2025-01-06 09:00", 8.0, "2025-01-06 17:00")] // a whole day
    [InlineData("2025-01-06 09:00", 160.0, "2025-01-31 17:00")] // four weeks
    [InlineData("2025-01-06 09:00", 2080.0, "2026-01-02 17:00")] // a year of working weeks
    [InlineData("2025-01-11 12:00", 0.0, "2025-01-11 12:00")] // zero, while closed: nothing to wait for
    public void AddBusinessTime_OfficeHours_LandsOnTheExpectedInstant(string start, double hours, string expected)
    {
        Assert.Equal(Utc(expected), BusinessTime.AddBusinessTime(Office, Utc(start), TimeSpan.FromHours(hours)));
    }

    [Theory]
    [InlineData("2025-01-10 16:00", 2.0, "2025-01-14 10:00")] // weekend then the holiday Monday
    [InlineData("2025-01-13 10:00", 1.0, "2025-01-14 10:00")] // starts on the holiday
    [InlineData("2025-01-06 09:00", 48.0, "2025-01-14 17:00")] // six working days around the holiday
    public void AddBusinessTime_OverAHoliday_SkipsTheWholeDay(string start, double hours, string expected)
    {
        Assert.Equal(Utc(expected), BusinessTime.AddBusinessTime(OfficeWithHoliday, Utc(start), TimeSpan.FromHours(hours)));
    }

    [Theory]
    [InlineData("2025-01-06 10:00", "2025-01-06 12:00", 2.0)]
    [InlineData("2025-01-06 16:00", "2025-01-07 10:00", 2.0)]
    [InlineData("2025-01-10 16:00", "2025-01-13 10:00", 2.0)]
    [InlineData("2025-01-11 00:00", "2025-01-12 23:59", 0.0)] // a weekend has no business time
    [InlineData("2025-01-06 00:00", "2025-01-13 00:00", 40.0)] // a whole week
    [InlineData("2025-01-06 18:00", "2025-01-07 08:00", 0.0)] // a night
    [InlineData("2025-01-07 10:00", "2025-01-06 16:00", -2.0)] // reversed: negative
    [InlineData("2025-01-07 10:00", "2025-01-07 10:00", 0.0)]
    public void BusinessTimeBetween_OfficeHours_CountsOnlyOpenTime(string from, string to, double hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), BusinessTime.BusinessTimeBetween(Office, Utc(from), Utc(to)));
    }

    [Fact]
    public void BusinessTimeBetween_OverAHoliday_CountsNothingForIt()
    {
        Assert.Equal(TimeSpan.FromHours(2), BusinessTime.BusinessTimeBetween(OfficeWithHoliday, Utc("2025-01-10 16:00"), Utc("2025-01-14 10:00")));
    }

    [Fact]
    public void AddBusinessTime_NightShiftAcrossMidnight_RunsOnWithoutAGap()
    {
        Assert.Equal(Utc("2025-01-07 01:00"), BusinessTime.AddBusinessTime(NightShift, Utc("2025-01-06 23:00"), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(8), BusinessTime.BusinessTimeBetween(NightShift, Utc("2025-01-06 21:00"), Utc("2025-01-07 07:00")));
    }

    [Fact]
    public void AddBusinessTime_NightShiftEndOfShift_WaitsForNextMonday()
    {
        Assert.Equal(Utc("2025-01-13 22:30"), BusinessTime.AddBusinessTime(NightShift, Utc("2025-01-07 05:30"), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void AddBusinessTime_NegativeDuration_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessTime.AddBusinessTime(Office, Utc("2025-01-06 10:00"), TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void AddBusinessTime_InputWithOffset_ReturnsTheSameInstantInUtc()
    {
        var start = Utc("2025-01-06 10:00").ToOffset(TimeSpan.FromHours(5.5));

        var due = BusinessTime.AddBusinessTime(Office, start, TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(Utc("2025-01-06 11:00"), due);
    }

    [Theory]
    [InlineData("2025-01-06 09:00", true)] // an opening instant is open
    [InlineData("2025-01-06 16:59", true)]
    [InlineData("2025-01-06 17:00", false)] // a closing instant is not
    [InlineData("2025-01-11 12:00", false)]
    public void IsOpen_OfficeHours_HalfOpenIntervals(string instant, bool expected)
    {
        Assert.Equal(expected, BusinessTime.IsOpen(Office, Utc(instant)));
    }

    [Fact]
    public void BusinessTimeBetween_AlwaysOpen_EqualsElapsedTime()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var from = Utc("2024-01-01 00:00").AddMinutes(random.Next(0, 3 * 365 * 24 * 60));
            var elapsed = TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 60));

            Assert.Equal(elapsed, BusinessTime.BusinessTimeBetween(BusinessCalendar.AlwaysOpen, from, from + elapsed));
            Assert.Equal(from + elapsed, BusinessTime.AddBusinessTime(BusinessCalendar.AlwaysOpen, from, elapsed));
        }
    }
}
