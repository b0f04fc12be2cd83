using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Reminders;
using Crm.Silo.Tests.EventStore;
using Crm.Testing.Servers;
using Xunit;

namespace Crm.Silo.Tests.Reminders;

/// <summary>The contract on a real PostgreSQL server (the collection's), each test in a fresh database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTableTests(PostgresServer server) : ReminderTableContractTests
{
    private string? connectionString;

    protected override async Task CreateStorageAsync() => connectionString = await server.CreateDatabaseAsync();

    protected override DbReminderTable OpenTable(string serviceId) =>
        new PostgresReminderTable(new EventStoreOptions { Provider = EventStoreProvider.Postgres, ConnectionString = connectionString }, serviceId);

    // The database dies with the server when the collection ends.
    protected override Task DeleteStorageAsync() => Task.CompletedTask;
}
