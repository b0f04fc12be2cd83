using Crm.Silo.Infrastructure.Reminders;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Crm.Silo.Tests.Reminders;

/// <summary>
/// A test silo with the real reminder table, over the event store settings the test puts in configuration
/// (SQLite under its temp folder). Reminders may tick every second, far below Orleans' one-minute floor, so a
/// restart test finishes in seconds.
/// </summary>
public sealed class ReminderSiloConfigurator : ISiloConfigurator
{
    public static readonly TimeSpan MinimumPeriod = TimeSpan.FromSeconds(1);

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddCrmReminders(siloBuilder.Configuration);
        siloBuilder.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = MinimumPeriod);
    }
}
