using Crm.Grains.Abstractions.Directory;
using Crm.Silo.Infrastructure.CrmDirectory;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Tests.EventStore;
using Crm.Testing.Servers;
using Npgsql;
using Xunit;

namespace Crm.Silo.Tests.CrmDirectory;

/// <summary>
/// The contract on PostgreSQL in a database whose default collation is a language's (ICU "en-US"), as a production
/// database's usually is. The collection's server is initialised with locale C, where every text column already sorts
/// byte by byte: only here can a column the table leaves to the database's collation sort otherwise than on SQLite.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomerTableInLanguageCollationTests(PostgresServer server) : CustomerTableContractTests
{
    protected override async Task<ICustomerTable> CreateTableAsync()
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"CREATE DATABASE \"{name}\" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new PostgresCustomerTable(new EventStoreOptions { Provider = EventStoreProvider.Postgres, ConnectionString = server.ConnectionStringFor(name) });
    }
}
