using Crm.Grains.Abstractions.Snapshots;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Snapshots;
using Crm.Silo.Tests.EventStore;
using Crm.Testing.Servers;
using Xunit;

namespace Crm.Silo.Tests.Snapshots;

/// <summary>The contract on a real PostgreSQL server (the collection's), each test in a fresh database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSnapshotStoreTests(PostgresServer server) : SnapshotStoreContractTests
{
    protected override async Task<ISnapshotStore> CreateStoreAsync() =>
        new PostgresSnapshotStore(new EventStoreOptions { Provider = EventStoreProvider.Postgres, ConnectionString = await server.CreateDatabaseAsync() });
}
