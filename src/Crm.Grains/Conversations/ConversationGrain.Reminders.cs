using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Conversations.Events;

namespace Crm.Grains.Conversations;

/// <summary>The conversation's durable timers: waking from snooze, and the SLA targets' breach checks.</summary>
public sealed partial class ConversationGrain
{
    private const string SnoozeReminder = "snooze";
    private const string SlaReminder = "sla";
    private static readonly Author Scheduler = new(AuthorKind.System, "scheduler", "System");

    // Orleans refuses a reminder due later than about 49.7 days (its timer limit); a longer wait fires early and re-arms.
    private static readonly TimeSpan MaxReminderWait = TimeSpan.FromDays(30);

    /// <summary>
    /// The durable timers: they survive restarts because reminders are stored with the events. Each checks the domain
    /// clock before acting, and re-arms itself if it fired early.
    /// </summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        SnoozeReminder => WakeFromSnoozeAsync(),
        SlaReminder => CheckSlaAsync(),
        _ => Task.CompletedTask,
    };

    private async Task WakeFromSnoozeAsync()
    {
        if (State is { Status: ConversationStatus.Snoozed, SnoozedUntil: { } until } && Clock.GetUtcNow() >= until)
        {
            NudgeRouter(await RaiseAndAnnounceAsync(Scheduler, new ConversationStatusChanged(NextSeq, ConversationStatus.Snoozed, ConversationStatus.Open, null, Scheduler)));
            await SyncSlaReminderAsync();
        }
        await SyncSnoozeReminderAsync();
    }

    /// <summary>
    /// Records every target breached by now and not yet recorded in its cycle, each exactly once (the fold marks it
    /// reported, so a repeated or late firing finds nothing new), announces the row, and re-arms for the next target.
    /// </summary>
    private async Task CheckSlaAsync()
    {
        if (State.Sla is null) return;
        _slaClock = await WorkspaceSlaClock.LoadAsync(GrainFactory, WorkspaceId, _slaClock);
        var breaches = State.Sla.UnreportedBreaches(SlaClock, Clock.GetUtcNow());
        if (breaches.Count > 0)
        {
            await RaiseAsync(Scheduler.Actor, [.. breaches.Select(t => new ConversationSlaBreached(t.Metric, t.Due))]);
            Announce(NextSeq);
        }

        // A reminder that fired keeps ticking at its period unless re-registered, so always re-arm (or disarm) here.
        await SyncSlaReminderAsync(force: true);
    }

    /// <summary>A snoozed conversation has exactly one armed wake-up; any other status has none.</summary>
    private async Task SyncSnoozeReminderAsync()
    {
        if (State is { Status: ConversationStatus.Snoozed, SnoozedUntil: { } until })
            await this.RegisterOrUpdateReminder(SnoozeReminder, WaitUntil(until), TimeSpan.FromMinutes(1));
        else if (await this.GetReminder(SnoozeReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    /// <summary>
    /// While a target counts down, the "sla" reminder is armed at the earliest due instant (see
    /// <see cref="ConversationSla.DueAt"/>); when none does, it is gone. Called after every change that can move it.
    /// </summary>
    private async Task SyncSlaReminderAsync(bool force = false)
    {
        var due = SlaDueAt();
        if (!force && _slaArmed.Known && _slaArmed.At == due) return;
        if (due is { } at)
            await this.RegisterOrUpdateReminder(SlaReminder, WaitUntil(at), TimeSpan.FromMinutes(1));
        else if (await this.GetReminder(SlaReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
        _slaArmed = (true, due);
    }

    /// <summary>Domain time until <paramref name="instant"/>: at least a second (already due fires promptly), at most what Orleans accepts.</summary>
    private TimeSpan WaitUntil(DateTimeOffset instant)
    {
        var wait = instant - Clock.GetUtcNow();
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > MaxReminderWait ? MaxReminderWait : wait;
    }
}
