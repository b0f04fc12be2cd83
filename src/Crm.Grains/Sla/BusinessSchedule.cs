using System.Collections.Frozen;
using Crm.Grains.Abstractions.Sla;

namespace Crm.Grains.Sla;

/// <summary>
/// A <see cref="BusinessCalendar"/> resolved once for arithmetic: its zone looked up, its hours indexed by weekday, its
/// holidays in a set. Work is linear in the calendar days spanned, a few operations per open interval: closed days and
/// holidays are skipped whole, so weeks of business time cost a few dozen steps. Open time is walked in local wall-time
/// intervals converted to UTC instants (see <see cref="WallClock"/> for skipped and repeated hours).
/// </summary>
public sealed class BusinessSchedule
{
    // Far beyond any SLA; stops a runaway walk well before DateTime arithmetic would overflow.
    private static readonly DateOnly LastDay = DateOnly.MaxValue.AddDays(-2);

    private readonly TimeZoneInfo _zone;
    private readonly (TimeSpan Opens, TimeSpan Closes)[][] _hoursByDay;
    private readonly FrozenSet<DateOnly> _holidays;

    public BusinessSchedule(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        calendar.Validate();
        Calendar = calendar;
        _zone = calendar.ResolveTimeZone();
        _hoursByDay = new (TimeSpan, TimeSpan)[7][];
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            _hoursByDay[(int)day] = [.. calendar.OpeningHours
                .Where(h => h.Day == day)
                .Select(h => (h.OpensAfterMidnight, h.ClosesAfterMidnight))
                .OrderBy(h => h.OpensAfterMidnight)];
        }

        _holidays = (calendar.Holidays.IsDefault ? [] : calendar.Holidays).ToFrozenSet();
    }

    public BusinessCalendar Calendar { get; }

    /// <summary>
    /// The earliest instant by which <paramref name="duration"/> of open time has passed since <paramref name="start"/>
    /// (UTC). Starting while closed, the count begins at the next opening; ending exactly at a closing gives that
    /// closing, not the next opening. A zero duration gives <paramref name="start"/>.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
            return start.ToUniversalTime();

        var remaining = duration;
        foreach (var segment in SegmentsFrom(start))
        {
            if (remaining <= segment.Length)
                return segment.Start + remaining;
            remaining -= segment.Length;
        }

        throw new InvalidOperationException("Open time never ends."); // SegmentsFrom throws before it runs dry.
    }

    /// <summary>
    /// Open time between two instants; negative when <paramref name="to"/> is before <paramref name="from"/>, so
    /// <c>Between(a, b) == -Between(b, a)</c> and an overdue target reads as negative remaining time.
    /// </summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
            return -Between(to, from);

        var total = TimeSpan.Zero;
        foreach (var segment in SegmentsFrom(from))
        {
            if (segment.Start >= to)
                break;
            total += (segment.End < to ? segment.End : to) - segment.Start;
        }

        return total;
    }

    /// <summary>Whether <paramref name="instant"/> is in open time (an opening instant is, a closing instant is not).</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        foreach (var segment in SegmentsFrom(instant))
            return segment.Start == instant;
        return false;
    }

    /// <summary>
    /// The zone's offset for the whole local day starting at <paramref name="midnight"/> when it has the same offset at
    /// both ends, so most days cost two offset lookups instead of a full DST check per boundary. No zone changes its
    /// offset twice within a day, so equal offsets at both ends mean no transition in between.
    /// </summary>
    private TimeSpan? SteadyOffset(DateTime midnight)
    {
        var start = _zone.GetUtcOffset(midnight);
        var end = _zone.GetUtcOffset(midnight.AddDays(1));
        return start == end && !_zone.IsInvalidTime(midnight) && !_zone.IsAmbiguousTime(midnight) ? start : null;
    }

    private DateTimeOffset ToInstant(DateTime local, TimeSpan? steadyOffset) =>
        steadyOffset is { } offset
            ? new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero)
            : WallClock.ToInstant(_zone, local);

    /// <summary>Open time from <paramref name="from"/> onwards, in order, the first segment clipped to start there.</summary>
    internal IEnumerable<OpenSegment> SegmentsFrom(DateTimeOffset from)
    {
        from = from.ToUniversalTime();

        // Start a day early: on a fall-back day the local date of `from` may lag its first-occurrence mapping, and an
        // interval of the previous local day can never end after `from` anyway, so this costs one cheap step.
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, _zone).DateTime).AddDays(-1);
        for (; ; day = day.AddDays(1))
        {
            if (day > LastDay)
                throw new ArgumentOutOfRangeException(nameof(from), "The business time reaches beyond the calendar's range.");
            var hours = _hoursByDay[(int)day.DayOfWeek];
            if (hours.Length == 0 || _holidays.Contains(day))
                continue;

            var midnight = day.ToDateTime(TimeOnly.MinValue);
            var steadyOffset = SteadyOffset(midnight);
            foreach (var (opens, closes) in hours)
            {
                var end = ToInstant(midnight + closes, steadyOffset);
                if (end <= from)
                    continue;
                var start = ToInstant(midnight + opens, steadyOffset);
                if (start < from)
                    start = from;
                if (end > start)
                    yield return new OpenSegment(start, end);
            }
        }
    }
}
