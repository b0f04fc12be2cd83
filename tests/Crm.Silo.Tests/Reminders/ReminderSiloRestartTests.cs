using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Reminders;
using Crm.Testing;
using Orleans;
using Orleans.TestingHost;
using Xunit;

namespace Crm.Silo.Tests.Reminders;

/// <summary>
/// A reminder registered on one silo fires on a silo started afterwards on the same events.db, with nothing else
/// shared: the second cluster is a new process as far as Orleans can tell (new cluster id, new silo, new client).
/// </summary>
public sealed class ReminderSiloRestartTests : IAsyncLifetime
{
    // Generous: only a failing run waits this long; a passing one takes about a second per wait.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crm-reminders-silo-{Guid.NewGuid():N}");
    private readonly string serviceId = $"crm-reminders-{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Reminder_SiloKilledAndANewOneStartedOnTheSameFile_FiresOnTheNewSilo()
    {
        var key = Guid.NewGuid().ToString("N");
        GrainId grainId;
        string firstSilo;
        await using (var first = await DeployAsync())
        {
            var grain = first.Client.GetGrain<IReminderProbeGrain>(key);
            grainId = grain.GetGrainId();
            await grain.RegisterAsync(TimeSpan.FromSeconds(1), ReminderSiloConfigurator.MinimumPeriod);
            var fired = await Eventually.ReturnsAsync(
                () => Task.FromResult(ReminderFirings.For(key)),
                firings => firings.Count > 0,
                "the reminder to fire on the first silo",
                Deadline);
            firstSilo = fired[0].Silo;

            // Ungraceful, like a crash: the reminder service gets no chance to do anything on the way out.
            await first.KillSiloAsync(first.Primary!);
        }

        // Between the two silos the reminder exists only as a row in the file.
        await using (var table = new SqliteReminderTable(new EventStoreOptions { DataPath = folder }, serviceId))
        {
            Assert.NotNull(await table.ReadRow(grainId, ReminderProbeGrain.ReminderName));
        }

        var restartedAt = DateTimeOffset.UtcNow;
        await using var second = await DeployAsync();

        var afterRestart = await Eventually.ReturnsAsync(
            () => Task.FromResult(ReminderFirings.For(key).Where(f => f.At > restartedAt).ToList()),
            firings => firings.Count > 0,
            "the reminder to fire again on the restarted silo",
            Deadline);
        Assert.Equal(ReminderProbeGrain.ReminderName, afterRestart[0].ReminderName);
        Assert.NotEqual(firstSilo, afterRestart[0].Silo);
        await second.StopAllSilosAsync();
    }

    private async Task<TestCluster> DeployAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.ServiceId = serviceId;
        builder.Properties[EventStoreOptions.DataPathKey] = folder;
        builder.Properties[$"{EventStoreOptions.SectionName}:Provider"] = nameof(EventStoreProvider.Sqlite);
        builder.AddSiloBuilderConfigurator<ReminderSiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
