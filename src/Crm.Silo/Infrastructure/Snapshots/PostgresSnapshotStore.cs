using Crm.Grains.Abstractions.Snapshots;
using Crm.Silo.Infrastructure.EventStore;
using Npgsql;

namespace Crm.Silo.Infrastructure.Snapshots;

/// <summary>
/// Snapshots in the event store's PostgreSQL database, table <c>snapshots</c> (created here, apart from the events' own
/// schema and migrations), through a pooled data source of its own. Every silo shares the table.
/// </summary>
public sealed class PostgresSnapshotStore : ISnapshotStore, IAsyncDisposable
{
    /// <summary>Shared by every silo: serialises creating the table (CREATE TABLE IF NOT EXISTS is not atomic in PostgreSQL).</summary>
    internal const long SchemaLockKey = 0x4372_6D53_6E61_7073; // "CrmSnaps"

    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS snapshots (
            key            text        PRIMARY KEY,
            schema_version integer     NOT NULL,
            position       bigint      NOT NULL,
            data           bytea       NOT NULL,
            saved_at       timestamptz NOT NULL
        );
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly SemaphoreSlim schemaGate = new(1, 1);
    private bool schemaCreated;

    public PostgresSnapshotStore(EventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new ArgumentException($"The PostgreSQL snapshot store needs ConnectionStrings:{EventStoreOptions.ConnectionStringName}.", nameof(options));
        dataSource = NpgsqlDataSource.Create(options.ConnectionString);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public async Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            INSERT INTO snapshots (key, schema_version, position, data, saved_at) VALUES (@key, @schema, @position, @data, now())
            ON CONFLICT (key) DO UPDATE SET schema_version = excluded.schema_version, position = excluded.position,
                data = excluded.data, saved_at = excluded.saved_at
            WHERE excluded.position >= snapshots.position OR excluded.schema_version <> snapshots.schema_version
            """, connection);
        command.Parameters.AddWithValue("key", snapshot.Key);
        command.Parameters.AddWithValue("schema", snapshot.SchemaVersion);
        command.Parameters.AddWithValue("position", snapshot.Position);
        command.Parameters.AddWithValue("data", snapshot.Data);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Snapshot?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT schema_version, position, data FROM snapshots WHERE key = @key", connection);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new Snapshot(key, reader.GetInt32(0), reader.GetInt64(1), (byte[])reader.GetValue(2));
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("DELETE FROM snapshots WHERE key = @key", connection);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT key FROM snapshots WHERE left(key, length(@prefix)) = @prefix ORDER BY key", connection);
        command.Parameters.AddWithValue("prefix", prefix);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) keys.Add(reader.GetString(0));
        return keys;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref schemaCreated)) return connection;
        await schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!schemaCreated)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey}); {Schema}", connection, transaction))
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref schemaCreated, true);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            schemaGate.Release();
        }
    }
}
