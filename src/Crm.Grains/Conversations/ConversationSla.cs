using System.Collections.Immutable;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Sla;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;
using Crm.Grains.Sla;

namespace Crm.Grains.Conversations;

/// <summary>
/// A conversation's SLA as folded from its own events: the <see cref="SlaFacts"/> the clock needs and which breaches
/// were already reported in the current cycle. The one fold of SLA facts: the grain keeps it in its state (to arm the
/// "sla" reminder and report breaches) and the inbox keeps one per row, so both compute the same due time.
/// </summary>
/// <param name="AsOf">
/// The time of the last event that changed it: the instant it is evaluated at, so the same events give the same
/// answer whoever folds them and whenever. Nothing here depends on the time it is read at.
/// </param>
[GenerateSerializer, Immutable, Alias("crm.conversations.conversation-sla")]
public sealed record ConversationSla(
    SlaFacts Facts,
    ConversationStatus Status,
    DateTimeOffset AsOf,
    bool FirstResponseBreached = false,
    bool NextResponseBreached = false,
    bool ResolutionBreached = false)
{
    /// <summary>Resolved and closed conversations owe nothing: no target runs and none counts as breached.</summary>
    public bool IsFinished => Status is ConversationStatus.Resolved or ConversationStatus.Closed;

    /// <summary>A reported breach whose target is still owed (the reply or resolution has not come).</summary>
    public bool IsBreached =>
        !IsFinished
        && ((FirstResponseBreached && Facts.FirstRepliedAt is null)
            || (NextResponseBreached && Facts.LastRepliedAt is null)
            || (ResolutionBreached && Facts.ResolvedAt is null));

    public bool IsReported(SlaMetric metric) => metric switch
    {
        SlaMetric.FirstResponse => FirstResponseBreached,
        SlaMetric.NextResponse => NextResponseBreached,
        SlaMetric.Resolution => ResolutionBreached,
        _ => false,
    };

    /// <summary>
    /// The earliest due instant of the targets still counting down and not yet reported breached; null when none does
    /// (all met, paused, reported, or the conversation is finished). It may lie in the past: a target that passed its
    /// due instant is counted until its breach is reported. This is the inbox's countdown and the "sla" reminder's
    /// time, so a missed or early reminder still converges on the same instant.
    /// </summary>
    public DateTimeOffset? DueAt(SlaClock clock) =>
        IsFinished
            ? null
            : Targets(clock, AsOf).Where(t => t.CompletedAt is null && !t.IsPaused && !IsReported(t.Metric)).Min(t => (DateTimeOffset?)t.Due);

    /// <summary>Targets breached at <paramref name="now"/>, still owed, and not reported yet in their cycle.</summary>
    public IReadOnlyList<SlaTargetStatus> UnreportedBreaches(SlaClock clock, DateTimeOffset now) =>
        IsFinished
            ? []
            : [.. Targets(clock, now).Where(t => t.IsBreached && t.CompletedAt is null && !IsReported(t.Metric))];

    /// <summary>Folds one event; returns the same instance when the event changes nothing the SLA depends on.</summary>
    public static ConversationSla? Apply(ConversationSla? sla, DomainEvent @event) => @event switch
    {
        // Conversations open at normal priority (ConversationState's default); a priority event follows if not.
        ConversationOpened e => new ConversationSla(SlaFacts.Opened(Priority.Normal, e.At), ConversationStatus.Open, e.At),
        _ when sla is null => null,
        ConversationPriorityChanged e => sla with { Facts = sla.Facts with { Priority = e.Priority }, AsOf = e.At },
        MessagePosted { Kind: MessageKind.Message } e => sla.Posted(e),
        ConversationStatusChanged e => sla.StatusChanged(e),
        ConversationSlaBreached e => e.Metric switch
        {
            SlaMetric.FirstResponse => sla with { FirstResponseBreached = true, AsOf = e.At },
            SlaMetric.NextResponse => sla with { NextResponseBreached = true, AsOf = e.At },
            SlaMetric.Resolution => sla with { ResolutionBreached = true, AsOf = e.At },
            _ => sla,
        },
        _ => sla,
    };

    private ImmutableArray<SlaTargetStatus> Targets(SlaClock clock, DateTimeOffset now)
    {
        var targets = clock.Evaluate(Facts, now).Targets;
        return targets.IsDefault ? [] : targets;
    }

    /// <summary>Only public messages move the clocks: notes and activities are not replies, and the system is nobody.</summary>
    private ConversationSla Posted(MessagePosted e)
    {
        var facts = Facts;
        switch (e.Author.Kind)
        {
            case AuthorKind.Agent:
                if (facts.FirstRepliedAt is not null && facts.LastRepliedAt is not null)
                    return this;
                // The first reply after a wait answers it; later replies do not move the answer.
                return this with { Facts = facts with { FirstRepliedAt = facts.FirstRepliedAt ?? e.At, LastRepliedAt = facts.LastRepliedAt ?? e.At }, AsOf = e.At };
            case AuthorKind.Customer:
                // Still waiting: a follow-up does not restart the wait.
                if (facts.WaitingSince is not null && facts.LastRepliedAt is null)
                    return this;
                // A new wait: LastRepliedAt is cleared rather than compared, so a reply and a message stamped with the
                // same instant are never mistaken for each other; a new wait is a new next-response cycle.
                return this with { Facts = facts with { WaitingSince = e.At, LastRepliedAt = null }, AsOf = e.At, NextResponseBreached = false };
            default:
                return this;
        }
    }

    /// <summary>Pending and snoozed pause every clock; resolving (or closing unresolved) stops resolution, reopening restarts it.</summary>
    private ConversationSla StatusChanged(ConversationStatusChanged e)
    {
        var pauses = Facts.Pauses.IsDefault ? [] : Facts.Pauses;
        var wasPaused = pauses.Length > 0 && pauses[^1].Until is null;
        var isPaused = e.To is ConversationStatus.Pending or ConversationStatus.Snoozed;
        if (isPaused && !wasPaused)
            pauses = pauses.Add(new SlaPause(e.At, null));
        else if (!isPaused && wasPaused)
            pauses = pauses.SetItem(pauses.Length - 1, pauses[^1] with { Until = e.At });

        DateTimeOffset? resolvedAt = e.To is ConversationStatus.Resolved or ConversationStatus.Closed ? Facts.ResolvedAt ?? e.At : null;
        return this with { Facts = Facts with { Pauses = pauses, ResolvedAt = resolvedAt }, Status = e.To, AsOf = e.At };
    }
}
