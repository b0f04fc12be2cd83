using Crm.Grains.Abstractions.Directory;
using Crm.Silo.Infrastructure.CrmDirectory;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Tests.EventStore;
using Crm.Testing.Servers;
using Xunit;

namespace Crm.Silo.Tests.CrmDirectory;

/// <summary>The contract on a real PostgreSQL server (the collection's), each test in a fresh database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomerTableTests(PostgresServer server) : CustomerTableContractTests
{
    protected override async Task<ICustomerTable> CreateTableAsync() =>
        new PostgresCustomerTable(new EventStoreOptions { Provider = EventStoreProvider.Postgres, ConnectionString = await server.CreateDatabaseAsync() });
}
