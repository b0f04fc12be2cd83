using Crm.Grains.Abstractions.Directory;
using Crm.Silo.Infrastructure.CrmDirectory;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Tests.CrmDirectory;

/// <summary>The contract on SQLite, in a fresh data folder per test.</summary>
public sealed class SqliteCustomerTableTests : CustomerTableContractTests, IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), $"crm-directory-{Guid.NewGuid():n}");

    protected override Task<ICustomerTable> CreateTableAsync() =>
        Task.FromResult<ICustomerTable>(new SqliteCustomerTable(new EventStoreOptions { DataPath = dataPath }));

    public void Dispose()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataPath)) Directory.Delete(dataPath, recursive: true);
    }
}
