using Orleans;
using Orleans.Runtime;

namespace Crm.Silo.Tests.Reminders;

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public async Task RegisterAsync(TimeSpan dueTime, TimeSpan period) =>
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Static, not grain state: the log must outlive the silo that fired, to compare ticks across a restart.
        ReminderFirings.Record(new ReminderFiring(this.GetPrimaryKeyString(), reminderName, RuntimeIdentity, DateTimeOffset.UtcNow));
        return Task.CompletedTask;
    }
}
