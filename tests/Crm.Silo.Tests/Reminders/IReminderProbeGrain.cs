using Orleans;

namespace Crm.Silo.Tests.Reminders;

/// <summary>A test grain that registers one durable reminder and logs every tick to <see cref="ReminderFirings"/>.</summary>
[Alias("crm.tests.reminders.probe")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or re-registers) the reminder <see cref="ReminderProbeGrain.ReminderName"/>.</summary>
    Task RegisterAsync(TimeSpan dueTime, TimeSpan period);
}
