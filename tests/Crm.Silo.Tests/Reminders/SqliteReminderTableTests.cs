using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Reminders;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Crm.Silo.Tests.Reminders;

/// <summary>The contract on SQLite, each test in its own temp folder, in the same events.db the event store uses.</summary>
public sealed class SqliteReminderTableTests : ReminderTableContractTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crm-reminders-{Guid.NewGuid():N}");

    [Fact]
    public async Task StartAsync_BesideTheEventStore_CreatesRemindersTableInEventsDbInWalMode()
    {
        await using var store = new SqliteEventStore(new EventStoreOptions { DataPath = folder });
        var table = (SqliteReminderTable)OpenTable("crm-test");
        try
        {
            await table.StartAsync();
            await table.UpsertRow(new Orleans.ReminderEntry
            {
                GrainId = Orleans.Runtime.GrainId.Create("probe", "a"),
                ReminderName = "sla",
                StartAt = DateTime.UtcNow,
                Period = TimeSpan.FromMinutes(1),
            });

            Assert.Equal(store.DatabasePath, table.DatabasePath);
            await using var connection = new SqliteConnection($"Data Source={table.DatabasePath};Pooling=False");
            await connection.OpenAsync();
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
            Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM reminders"));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM events"));
        }
        finally
        {
            await table.DisposeAsync();
        }
    }

    protected override Task CreateStorageAsync() => Task.CompletedTask;

    protected override DbReminderTable OpenTable(string serviceId) =>
        new SqliteReminderTable(new EventStoreOptions { DataPath = folder }, serviceId);

    protected override Task DeleteStorageAsync()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
