using System.Collections.Immutable;
using Crm.Grains.Abstractions.Sla;

namespace Crm.Grains.Sla;

/// <summary>
/// Evaluates a conversation's SLA targets. Pure: time comes in as <c>now</c>, nothing is read from a clock or a grain.
/// <list type="bullet">
/// <item>First response runs from opening to the first agent reply; resolution from opening to resolution; next
/// response from a customer message that follows the first reply (<see cref="SlaFacts.WaitingSince"/>) to the reply
/// that answers it.</item>
/// <item>Pauses stop every running target: the due instant moves later by the business time (not the elapsed time)
/// spent paused, so a pause over a night or a weekend moves it only by the open hours it covered. Overlapping pauses
/// count once.</item>
/// <item>A target is breached once the instant it is judged at (its reply or resolution, otherwise now) is at or after
/// its due instant: a reply exactly at the due instant is late, and a timer firing at the due instant sees the breach.</item>
/// <item>Facts later than <c>now</c> are taken as given: a pause that has not ended by now is in progress.</item>
/// </list>
/// </summary>
public sealed class SlaClock
{
    private readonly BusinessSchedule _schedule;

    public SlaClock(SlaPolicy policy, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy.Validate();
        _schedule = new BusinessSchedule(calendar);
    }

    public SlaPolicy Policy { get; }

    public BusinessCalendar Calendar => _schedule.Calendar;

    /// <summary>Every target the policy sets for the conversation's priority that has started, as of <paramref name="now"/>.</summary>
    public SlaStatus Evaluate(SlaFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        now = now.ToUniversalTime();
        var targets = Policy.For(facts.Priority);
        var statuses = ImmutableArray.CreateBuilder<SlaTargetStatus>(3);
        if (targets is not null)
        {
            var pauses = MergePauses(facts.Pauses, now);
            foreach (var metric in Enum.GetValues<SlaMetric>())
            {
                if (targets.For(metric) is { } target && Window(metric, facts) is { } window)
                    statuses.Add(EvaluateTarget(metric, target, window.Start, window.Stop, pauses, now));
            }
        }

        return new SlaStatus(facts.Priority, now, statuses.ToImmutable());
    }

    /// <summary>When the next running (un-breached, un-paused, uncompleted) target breaches; null when none runs.</summary>
    public DateTimeOffset? NextBreachAt(SlaFacts facts, DateTimeOffset now) => Evaluate(facts, now).NextBreachAt;

    /// <summary>When a target's clock starts and what stops it; null when it has not started.</summary>
    private static (DateTimeOffset Start, DateTimeOffset? Stop)? Window(SlaMetric metric, SlaFacts facts) => metric switch
    {
        SlaMetric.FirstResponse => (facts.OpenedAt, facts.FirstRepliedAt),
        SlaMetric.Resolution => (facts.OpenedAt, facts.ResolvedAt),

        // A wait that began before the first reply belongs to the first response. An answer older than the wait is a
        // reply to an earlier wait (the grain did not clear it), so the customer is still waiting.
        SlaMetric.NextResponse when facts is { FirstRepliedAt: { } first, WaitingSince: { } waiting } && waiting >= first =>
            (waiting, facts.LastRepliedAt is { } answered && answered >= waiting ? answered : null),
        _ => null,
    };

    private SlaTargetStatus EvaluateTarget(
        SlaMetric metric, TimeSpan target, DateTimeOffset start, DateTimeOffset? stop, IReadOnlyList<(DateTimeOffset From, DateTimeOffset Until)> pauses, DateTimeOffset now)
    {
        start = start.ToUniversalTime();

        // The instant the target is judged at; a clock that has not started yet is judged at its start.
        var judgedAt = stop?.ToUniversalTime() ?? now;
        if (judgedAt < start)
            judgedAt = start;

        // Pauses that matter lie between the start and the judging instant; an ongoing one is cut at now, so while paused
        // the due instant reads as "if the pause ended now".
        var relevant = pauses
            .Select(p => (From: p.From < start ? start : p.From, Until: p.Until > judgedAt ? judgedAt : p.Until))
            .Where(p => p.Until > p.From)
            .ToList();

        var due = DueInstant(start, target, relevant);
        var consumed = _schedule.Between(start, judgedAt) - relevant.Aggregate(TimeSpan.Zero, (sum, p) => sum + _schedule.Between(p.From, p.Until));
        var isBreached = judgedAt >= due;
        var isPaused = stop is null && pauses.Any(p => p.From <= now && now < p.Until);
        return new SlaTargetStatus(metric, target, start, due, target - consumed, isPaused, isBreached, isBreached ? due : null, stop);
    }

    /// <summary>Walks open time from the start, stepping over the pauses, until the target's business time is used up.</summary>
    private DateTimeOffset DueInstant(DateTimeOffset start, TimeSpan target, List<(DateTimeOffset From, DateTimeOffset Until)> pauses)
    {
        var cursor = start;
        var remaining = target;
        foreach (var (from, until) in pauses)
        {
            if (until <= cursor)
                continue;
            if (from > cursor)
            {
                var open = _schedule.Between(cursor, from);
                if (open >= remaining)
                    return _schedule.Add(cursor, remaining);
                remaining -= open;
            }

            cursor = until;
        }

        return _schedule.Add(cursor, remaining);
    }

    /// <summary>
    /// Pauses sorted and merged into disjoint intervals, so overlaps count once. An ongoing pause, or one that ends after
    /// now, runs to <see cref="DateTimeOffset.MaxValue"/> here and is cut per target; one that starts after now is ignored.
    /// </summary>
    private static List<(DateTimeOffset From, DateTimeOffset Until)> MergePauses(ImmutableArray<SlaPause> pauses, DateTimeOffset now)
    {
        var merged = new List<(DateTimeOffset From, DateTimeOffset Until)>();
        var ordered = (pauses.IsDefault ? [] : pauses)
            .Select(p => (From: p.From.ToUniversalTime(), Until: p.Until is { } until && until <= now ? until.ToUniversalTime() : DateTimeOffset.MaxValue))
            .Where(p => p.From <= now && p.Until > p.From)
            .OrderBy(p => p.From);
        foreach (var pause in ordered)
        {
            if (merged.Count > 0 && pause.From <= merged[^1].Until)
            {
                if (pause.Until > merged[^1].Until)
                    merged[^1] = (merged[^1].From, pause.Until);
            }
            else
            {
                merged.Add(pause);
            }
        }

        return merged;
    }
}
