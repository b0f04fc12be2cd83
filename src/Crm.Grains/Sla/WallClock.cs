namespace Crm.Grains.Sla;

/// <summary>
/// Maps a local wall time in a zone to one UTC instant, even where DST makes the wall time skipped or repeated. The map
/// is monotonic and the same for every boundary (an opening and a closing at the same wall time map to the same
/// instant), so touching opening intervals stay touching and nothing is counted twice:
/// <list type="bullet">
/// <item>A skipped wall time (spring forward) maps to the instant the clocks jump, the first real instant after it;
/// an interval reaching into the gap is shortened, one wholly inside it is empty.</item>
/// <item>A repeated wall time (fall back) maps to its first occurrence, so an interval spanning the repeated hour
/// counts the real elapsed time, an hour longer than the wall clock suggests.</item>
/// </list>
/// </summary>
internal static class WallClock
{
    // No zone's offset reaches 15 hours either way (they span -12:00 to +14:00), which bounds where a transition can be.
    private static readonly long SearchRadius = TimeSpan.FromHours(15).Ticks;

    public static DateTimeOffset ToInstant(TimeZoneInfo zone, DateTime local)
    {
        if (zone == TimeZoneInfo.Utc)
            return new DateTimeOffset(local.Ticks, TimeSpan.Zero);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
            return JumpOver(zone, local);
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier occurrence (daylight time, before the clocks go back).
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
        }

        return new DateTimeOffset(local.Ticks - zone.GetUtcOffset(local).Ticks, TimeSpan.Zero);
    }

    /// <summary>
    /// The instant the clocks jumped over <paramref name="local"/>: the first instant whose wall time is later.
    /// TimeZoneInfo does not expose the transition directly for IANA zones, so binary-search it (about 50 offset lookups,
    /// only for wall times that fall in a gap, which happens on a handful of days a year).
    /// </summary>
    private static DateTimeOffset JumpOver(TimeZoneInfo zone, DateTime local)
    {
        var target = local.Ticks;
        long low = target - SearchRadius, high = target + SearchRadius;

        // Invariant: the wall time at `low` is not after the target, the wall time at `high` is.
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (WallTicks(zone, middle) > target)
                high = middle;
            else
                low = middle;
        }

        return new DateTimeOffset(high, TimeSpan.Zero);
    }

    private static long WallTicks(TimeZoneInfo zone, long utcTicks) =>
        utcTicks + zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
}
