using Crm.Grains.Abstractions.Sla;

namespace Crm.Grains.Sla;

/// <summary>
/// Business-time arithmetic on a calendar, for one-off calls. Code that calculates repeatedly on the same calendar
/// should hold a <see cref="BusinessSchedule"/> instead, which resolves the calendar once.
/// </summary>
public static class BusinessTime
{
    /// <inheritdoc cref="BusinessSchedule.Add"/>
    public static DateTimeOffset AddBusinessTime(BusinessCalendar calendar, DateTimeOffset start, TimeSpan duration) =>
        new BusinessSchedule(calendar).Add(start, duration);

    /// <inheritdoc cref="BusinessSchedule.Between"/>
    public static TimeSpan BusinessTimeBetween(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to) =>
        new BusinessSchedule(calendar).Between(from, to);

    /// <inheritdoc cref="BusinessSchedule.IsOpen"/>
    public static bool IsOpen(BusinessCalendar calendar, DateTimeOffset instant) =>
        new BusinessSchedule(calendar).IsOpen(instant);
}
