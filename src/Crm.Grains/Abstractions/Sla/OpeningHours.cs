using System.Globalization;

namespace Crm.Grains.Abstractions.Sla;

/// <summary>
/// One opening interval on a weekday, in the calendar's local wall time, from <see cref="Opens"/> up to (not including)
/// <see cref="Closes"/>. <see cref="TimeOnly"/> cannot say 24:00, so a closing time of 00:00 means "until midnight at
/// the end of the day" (00:00–00:00 is the whole day). An interval never crosses midnight: a night shift is two entries,
/// Monday 22:00–00:00 and Tuesday 00:00–06:00, and the two touch, so the open time is continuous.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.sla.opening-hours")]
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)
{
    /// <summary>The closing time that means the end of the day (24:00).</summary>
    public static readonly TimeOnly Midnight = TimeOnly.MinValue;

    public static OpeningHours UntilMidnight(DayOfWeek day, TimeOnly opens) => new(day, opens, Midnight);

    public static OpeningHours AllDay(DayOfWeek day) => new(day, Midnight, Midnight);

    public bool ClosesAtMidnight => Closes == Midnight;

    /// <summary>Where the interval starts, as time after the local midnight that begins the day.</summary>
    public TimeSpan OpensAfterMidnight => Opens.ToTimeSpan();

    /// <summary>Where the interval ends, as time after the day's local midnight: 24 hours when it closes at midnight.</summary>
    public TimeSpan ClosesAfterMidnight => ClosesAtMidnight ? TimeSpan.FromDays(1) : Closes.ToTimeSpan();

    /// <summary>"Monday 09:00-17:00", with "24:00" for midnight: the form validation messages quote.</summary>
    public override string ToString() =>
        $"{Day} {Opens.ToString("HH:mm", CultureInfo.InvariantCulture)}-{(ClosesAtMidnight ? "24:00" : Closes.ToString("HH:mm", CultureInfo.InvariantCulture))}";
}
