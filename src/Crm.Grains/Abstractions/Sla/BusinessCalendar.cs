using System.Collections.Immutable;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.Abstractions.Sla;

/// <summary>
/// When a workspace counts as open for SLA purposes: weekly <see cref="OpeningHours"/> in the local wall time of an IANA
/// time zone, minus whole-day <see cref="Holidays"/> (local dates). Build one with <see cref="Create"/>, which sorts,
/// de-duplicates and validates; a calendar built with the constructor should go through <see cref="Validate"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.sla.business-calendar")]
public sealed record BusinessCalendar(string TimeZoneId, ImmutableArray<OpeningHours> OpeningHours, ImmutableArray<DateOnly> Holidays)
{
    /// <summary>Open around the clock in UTC: business time equals elapsed time.</summary>
    /// <remarks>The type is qualified because the <see cref="OpeningHours"/> property hides its name here.</remarks>
    public static BusinessCalendar AlwaysOpen { get; } =
        Create("UTC", Enum.GetValues<DayOfWeek>().Select(Sla.OpeningHours.AllDay), []);

    /// <summary>The usual office: Monday to Friday 09:00–17:00, in UTC.</summary>
    public static BusinessCalendar Default { get; } = WeekdaysNineToFive("UTC");

    /// <summary>Monday to Friday 09:00–17:00 in <paramref name="timeZoneId"/>.</summary>
    public static BusinessCalendar WeekdaysNineToFive(string timeZoneId, IEnumerable<DateOnly>? holidays = null) =>
        Create(
            timeZoneId,
            new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(day => new OpeningHours(day, new TimeOnly(9, 0), new TimeOnly(17, 0))),
            holidays ?? []);

    /// <summary>A validated calendar with its hours sorted by day and time and its holidays sorted and distinct.</summary>
    public static BusinessCalendar Create(string timeZoneId, IEnumerable<OpeningHours> openingHours, IEnumerable<DateOnly> holidays)
    {
        // A JSON array may carry nulls; sorting them would throw a NullReferenceException instead of explaining.
        var hours = openingHours.ToList();
        if (hours.Any(h => h is null))
            throw Invalid("Opening hours must not contain empty entries: each needs a day, an opening and a closing time.");
        var calendar = new BusinessCalendar(
            timeZoneId,
            [.. hours.OrderBy(h => h.Day).ThenBy(h => h.Opens)],
            [.. holidays.Distinct().Order()]);
        calendar.Validate();
        return calendar;
    }

    /// <summary>Throws a <see cref="DomainException"/> (Invalid) naming the first problem; returns the calendar otherwise.</summary>
    public BusinessCalendar Validate()
    {
        ResolveTimeZone();
        var hours = OpeningHours.IsDefault ? [] : OpeningHours;
        foreach (var interval in hours)
        {
            if (!Enum.IsDefined(interval.Day))
                throw Invalid($"'{(int)interval.Day}' is not a day of the week.");
            if (interval.ClosesAfterMidnight <= interval.OpensAfterMidnight)
                throw Invalid(interval.Closes == interval.Opens
                    ? $"Opening hours {interval} open and close at the same time."
                    : $"Opening hours {interval} close before they open; use 00:00 as the closing time for midnight.");
        }

        foreach (var day in hours.GroupBy(h => h.Day))
        {
            var ordered = day.OrderBy(h => h.OpensAfterMidnight).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                // Touching intervals (12:00 close, 12:00 open) are fine; sharing any minute is not.
                if (ordered[i].OpensAfterMidnight < ordered[i - 1].ClosesAfterMidnight)
                    throw Invalid($"Opening hours {ordered[i - 1]} and {ordered[i]} overlap.");
            }
        }

        // A calendar that is never open would make every due time infinitely far away.
        if (hours.IsEmpty)
            throw Invalid("A business calendar must be open for some time each week.");
        return this;
    }

    /// <summary>The calendar's zone; Invalid when the id is blank or unknown on this machine.</summary>
    public TimeZoneInfo ResolveTimeZone()
    {
        if (string.IsNullOrWhiteSpace(TimeZoneId))
            throw Invalid("A business calendar needs a time zone, such as 'Europe/Berlin'.");
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw Invalid($"Unknown time zone '{TimeZoneId}'; use an IANA id such as 'Europe/Berlin'.");
        }
    }

    // ImmutableArray compares by reference; two calendars with the same hours must be equal (a grain compares them to
    // decide whether due times need recomputing).
    public bool Equals(BusinessCalendar? other) =>
        other is not null
        && TimeZoneId == other.TimeZoneId
        && SequenceEquality.Equal(OpeningHours, other.OpeningHours)
        && SequenceEquality.Equal(Holidays, other.Holidays);

    public override int GetHashCode() =>
        HashCode.Combine(TimeZoneId, SequenceEquality.Hash(OpeningHours), SequenceEquality.Hash(Holidays));

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
