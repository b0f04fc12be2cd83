using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Sla;
using Xunit;
using static Crm.Grains.Tests.Sla.SlaTime;

namespace Crm.Grains.Tests.Sla;

/// <summary>
/// Laws that hold for any calendar, checked over many random instants (fixed seeds, so a failure replays) spanning
/// 2024–2026 with all their DST transitions, at sub-minute precision.
/// </summary>
public sealed class BusinessTimePropertyTests
{
    private const int Cases = 400;

    public static TheoryData<string> Calendars => new() { "berlin-office", "new-york-split-and-nights", "berlin-around-the-clock" };

    [Theory]
    [MemberData(nameof(Calendars))]
    public void BusinessTimeBetween_FromStartToAddedInstant_ReturnsTheDuration(string name)
    {
        var schedule = new BusinessSchedule(Calendar(name));
        var random = new Random(1234);
        for (var i = 0; i < Cases; i++)
        {
            var start = RandomInstant(random);
            var duration = TimeSpan.FromSeconds(random.Next(0, 3 * 7 * 24 * 3600));

            var due = schedule.Add(start, duration);

            Assert.True(due >= start, $"{name}: {start:o} + {duration} gave {due:o}, before the start.");
            Assert.Equal(duration, schedule.Between(start, due));
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void AddBusinessTime_OfTheTimeBetween_ReachesTheLastOpenInstantNotAfterTheEnd(string name)
    {
        var schedule = new BusinessSchedule(Calendar(name));
        var random = new Random(5678);
        for (var i = 0; i < Cases; i++)
        {
            var from = RandomInstant(random);
            var to = from + TimeSpan.FromSeconds(random.Next(0, 3 * 7 * 24 * 3600));

            var reached = schedule.Add(from, schedule.Between(from, to));

            // Equal when `to` is open time; otherwise the closing before it, with nothing open in between.
            Assert.True(reached <= to, $"{name}: reached {reached:o} after {to:o}.");
            Assert.Equal(TimeSpan.Zero, schedule.Between(reached, to));
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void BusinessTimeBetween_SplitAtAnyInstant_AddsUpAndIsAntisymmetric(string name)
    {
        var schedule = new BusinessSchedule(Calendar(name));
        var random = new Random(91011);
        for (var i = 0; i < Cases; i++)
        {
            var a = RandomInstant(random);
            var b = a + TimeSpan.FromSeconds(random.Next(0, 3 * 7 * 24 * 3600));
            var c = b + TimeSpan.FromSeconds(random.Next(0, 3 * 7 * 24 * 3600));

            Assert.Equal(schedule.Between(a, c), schedule.Between(a, b) + schedule.Between(b, c));
            Assert.Equal(-schedule.Between(a, c), schedule.Between(c, a));
        }
    }

    private static DateTimeOffset RandomInstant(Random random) =>
        Utc("2024-01-01 00:00") + TimeSpan.FromSeconds(random.NextInt64(0, 3L * 365 * 24 * 3600)) + TimeSpan.FromTicks(random.Next(0, 10_000_000));

    private static BusinessCalendar Calendar(string name) => name switch
    {
        "berlin-office" => BusinessCalendar.WeekdaysNineToFive(Berlin,
            [new DateOnly(2024, 12, 25), new DateOnly(2024, 12, 26), new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 18), new DateOnly(2025, 12, 25)]),

        // Lunch breaks, and Sunday nights that cross both of New York's transitions (01:00–03:00 local).
        "new-york-split-and-nights" => BusinessCalendar.Create(NewYork,
            [
                .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                    .SelectMany(day => new[]
                    {
                        new OpeningHours(day, new TimeOnly(8, 0), new TimeOnly(12, 0)),
                        new OpeningHours(day, new TimeOnly(13, 0), new TimeOnly(18, 30)),
                    }),
                OpeningHours.UntilMidnight(DayOfWeek.Saturday, new TimeOnly(23, 0)),
                new OpeningHours(DayOfWeek.Sunday, OpeningHours.Midnight, new TimeOnly(3, 30)),
            ],
            [new DateOnly(2025, 7, 4), new DateOnly(2025, 11, 27)]),
        "berlin-around-the-clock" => BusinessCalendar.Create(Berlin, Enum.GetValues<DayOfWeek>().Select(OpeningHours.AllDay), [new DateOnly(2025, 10, 26)]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
