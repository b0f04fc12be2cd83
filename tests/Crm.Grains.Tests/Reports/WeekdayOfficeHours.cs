namespace Crm.Grains.Tests.Reports;

/// <summary>
/// Business time on the default calendar (Monday to Friday 09:00–17:00 UTC, no holidays), computed the plain way — the
/// overlap with each day's office hours — apart from the production calendar arithmetic it checks.
/// </summary>
internal static class WeekdayOfficeHours
{
    public static TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        for (var day = from.UtcDateTime.Date; day <= to.UtcDateTime.Date; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            var opens = new DateTimeOffset(day.AddHours(9), TimeSpan.Zero);
            var closes = new DateTimeOffset(day.AddHours(17), TimeSpan.Zero);
            var start = from > opens ? from : opens;
            var end = to < closes ? to : closes;
            if (end > start) total += end - start;
        }
        return total;
    }
}
