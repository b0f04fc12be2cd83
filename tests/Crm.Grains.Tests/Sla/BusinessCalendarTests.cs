using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Sla;
using Xunit;

namespace Crm.Grains.Tests.Sla;

public sealed class BusinessCalendarTests
{
    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly TimeOnly Five = new(17, 0);

    [Theory]
    [InlineData(17, 0, 9, 0, "Monday 17:00-09:00 close before they open")]
    [InlineData(9, 0, 9, 0, "Monday 09:00-09:00 open and close at the same time")]
    public void Create_InvertedOrEmptyInterval_InvalidNamingTheInterval(int opensHour, int opensMinute, int closesHour, int closesMinute, string expected)
    {
        var error = Assert.Throws<DomainException>(() => BusinessCalendar.Create("UTC",
            [new OpeningHours(DayOfWeek.Monday, new TimeOnly(opensHour, opensMinute), new TimeOnly(closesHour, closesMinute))], []));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Create_OverlappingIntervals_InvalidNamingBoth()
    {
        var error = Assert.Throws<DomainException>(() => BusinessCalendar.Create("UTC",
            [new OpeningHours(DayOfWeek.Tuesday, new TimeOnly(12, 0), Five), new OpeningHours(DayOfWeek.Tuesday, Nine, new TimeOnly(12, 30))], []));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
        Assert.Equal("Opening hours Tuesday 09:00-12:30 and Tuesday 12:00-17:00 overlap.", error.Message);
    }

    [Fact]
    public void Create_IntervalOverlappingOneUntilMidnight_Invalid()
    {
        var error = Assert.Throws<DomainException>(() => BusinessCalendar.Create("UTC",
            [OpeningHours.UntilMidnight(DayOfWeek.Friday, new TimeOnly(20, 0)), new OpeningHours(DayOfWeek.Friday, new TimeOnly(23, 0), new TimeOnly(23, 30))], []));

        Assert.Contains("Friday 20:00-24:00 and Friday 23:00-23:30 overlap", error.Message);
    }

    [Fact]
    public void Create_TouchingIntervalsAndMidnight_Accepted()
    {
        var calendar = BusinessCalendar.Create("UTC",
            [
                new OpeningHours(DayOfWeek.Monday, new TimeOnly(12, 0), Five),
                new OpeningHours(DayOfWeek.Monday, Nine, new TimeOnly(12, 0)),
                OpeningHours.UntilMidnight(DayOfWeek.Monday, Five),
                OpeningHours.AllDay(DayOfWeek.Saturday),
            ],
            []);

        Assert.Equal(4, calendar.OpeningHours.Length);
        Assert.Equal(Nine, calendar.OpeningHours[0].Opens); // sorted by day, then opening time
        Assert.Equal(TimeSpan.FromDays(1), calendar.OpeningHours[3].ClosesAfterMidnight);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "Unknown time zone 'Mars/Olympus_Mons'")]
    [InlineData("", "needs a time zone")]
    [InlineData("  ", "needs a time zone")]
    public void Create_UnknownOrBlankTimeZone_Invalid(string timeZoneId, string expected)
    {
        var error = Assert.Throws<DomainException>(() => BusinessCalendar.WeekdaysNineToFive(timeZoneId));

        Assert.Equal(DomainErrorKind.Invalid, error.Kind);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Create_NoOpeningHours_InvalidBecauseNothingWouldEverBeDue()
    {
        var error = Assert.Throws<DomainException>(() => BusinessCalendar.Create("UTC", [], []));

        Assert.Equal("A business calendar must be open for some time each week.", error.Message);
    }

    [Fact]
    public void Validate_CalendarBuiltWithoutTheFactory_StillChecked()
    {
        var calendar = new BusinessCalendar("Europe/Berlin", [new OpeningHours(DayOfWeek.Monday, Five, Nine)], []);

        Assert.Throws<DomainException>(() => calendar.Validate());
        Assert.Throws<DomainException>(() => new BusinessSchedule(calendar));
        Assert.Throws<DomainException>(() => new BusinessCalendar("UTC", default, default).Validate());
    }

    [Fact]
    public void Create_RepeatedAndUnorderedHolidays_SortedAndDistinct()
    {
        var calendar = BusinessCalendar.WeekdaysNineToFive("Europe/Berlin",
            [new DateOnly(2025, 12, 26), new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26)]);

        Assert.Equal(new[] { new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26) }, calendar.Holidays.AsEnumerable());
    }

    [Fact]
    public void Equals_SameHoursBuiltTwice_EqualWithEqualHashes()
    {
        var first = BusinessCalendar.WeekdaysNineToFive("America/New_York", [new DateOnly(2025, 7, 4)]);
        var second = BusinessCalendar.WeekdaysNineToFive("America/New_York", [new DateOnly(2025, 7, 4)]);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, second with { Holidays = [] });
    }

    [Fact]
    public void WellKnownCalendars_AlwaysOpenAndDefault_HaveTheDocumentedHours()
    {
        Assert.Equal("UTC", BusinessCalendar.AlwaysOpen.TimeZoneId);
        Assert.Equal(7, BusinessCalendar.AlwaysOpen.OpeningHours.Length);
        Assert.All(BusinessCalendar.AlwaysOpen.OpeningHours, h => Assert.Equal(TimeSpan.FromDays(1), h.ClosesAfterMidnight - h.OpensAfterMidnight));
        Assert.Equal(
            ["Monday 09:00-17:00", "Tuesday 09:00-17:00", "Wednesday 09:00-17:00", "Thursday 09:00-17:00", "Friday 09:00-17:00"],
            BusinessCalendar.Default.OpeningHours.Select(h => h.ToString()));
    }
}
