using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.Audit;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Tests.Audit;

/// <summary>The audit chain on SQLite, each test in its own temp folder, tampered with through a second connection.</summary>
public sealed class SqliteAuditChainTests : AuditChainContractTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crm-audit-{Guid.NewGuid():N}");

    private string DatabasePath => Path.Combine(folder, EventStoreOptions.SqliteFileName);

    protected override Task CreateStorageAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    protected override IEventStore OpenStore() => new SqliteEventStore(new EventStoreOptions { DataPath = folder });

    protected override Task DeleteStorageAsync()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    protected override async Task<IAuditChainReader> OpenReaderAsync() => await SqliteAuditChainReader.OpenAsync(DatabasePath);

    protected override async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue("@" + name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    protected override async Task CreateLegacyStoreAsync()
    {
        await ExecuteAsync("""
            CREATE TABLE events (
                position  INTEGER PRIMARY KEY AUTOINCREMENT,
                stream_id TEXT    NOT NULL,
                version   INTEGER NOT NULL,
                event_id  TEXT    NOT NULL UNIQUE,
                type      TEXT    NOT NULL,
                data      TEXT    NOT NULL,
                actor     TEXT    NOT NULL,
                timestamp INTEGER NOT NULL,
                UNIQUE (stream_id, version)
            );
            INSERT INTO events (stream_id, version, event_id, type, data, actor, timestamp) VALUES
                ('acme/legacy/1', 1, 'c0a1b2c3-0000-0000-0000-000000000001', 'Old', '{}', 'system', 1700000000000000),
                ('acme/legacy/1', 2, 'c0a1b2c3-0000-0000-0000-000000000002', 'Old', '{}', 'system', 1700000000000001);
            """);
    }
}
