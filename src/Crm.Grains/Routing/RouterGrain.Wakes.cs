using Microsoft.Extensions.Logging;

namespace Crm.Grains.Routing;

/// <summary>What wakes the router when no call does: a timer for the next due instant, and a reminder as the safety net.</summary>
public sealed partial class RouterGrain
{
    private const string Reminder = "routing";

    // The reminder is the safety net (a silo crash while work waits and no commit wakes it): Orleans' minimum period.
    // It only reads what the commit-woken catch-up left, so it is no burst.
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinWake = TimeSpan.FromMilliseconds(50);

    private bool? _reminderArmed;
    private IGrainTimer? _wake;

    /// <summary>
    /// One timer, armed for the next offer timeout or overflow (domain time, waited in real time), or a delivery retry.
    /// It keeps the activation alive while armed; a crash loses it, and the reminder takes over.
    /// </summary>
    private void ArmWake()
    {
        var now = Clock.GetUtcNow();
        TimeSpan? wait = Dispatcher.NextDue(State) is { } due ? due - now : null;
        if (_toDeliver.Count > 0 && (wait is null || wait > RetryAfter)) wait = RetryAfter;
        if (wait is null)
        {
            _wake?.Dispose();
            _wake = null;
            return;
        }
        var dueTime = wait < MinWake ? MinWake : wait.Value;
        if (_wake is null)
            _wake = this.RegisterGrainTimer(_ => ProcessAsync(), new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        else
            _wake.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    /// <summary>While any work is tracked, a durable reminder wakes the router (after a crash, or if every nudge was lost).</summary>
    private async Task SyncReminderAsync()
    {
        var wanted = State.Work.Count > 0;
        if (_reminderArmed == wanted) return;
        try
        {
            if (wanted)
                await this.RegisterOrUpdateReminder(Reminder, ReminderPeriod, ReminderPeriod);
            else if (await this.GetReminder(Reminder) is { } reminder)
                await this.UnregisterReminder(reminder);
            _reminderArmed = wanted;
        }
        catch (Exception ex)
        {
            // A safety net only: routing goes on without it, and the next turn tries again.
            logger.LogWarning(ex, "Syncing the routing reminder of workspace {WorkspaceId} failed", WorkspaceId);
        }
    }
}
