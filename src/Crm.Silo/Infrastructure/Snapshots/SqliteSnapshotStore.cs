using Crm.Grains.Abstractions.Snapshots;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Infrastructure.Snapshots;

/// <summary>
/// Snapshots in the event store's SQLite file, table <c>snapshots</c> (created here, apart from the events' own schema
/// and migrations). Pooled connections of its own: snapshot writes are rare (every few thousand events per projection)
/// and short, and WAL lets them run beside the group committer's writer.
/// </summary>
public sealed class SqliteSnapshotStore : ISnapshotStore
{
    private const int BusyTimeoutMilliseconds = 30_000;

    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS snapshots (
            key            TEXT    PRIMARY KEY,
            schema_version INTEGER NOT NULL,
            position       INTEGER NOT NULL,
            data           BLOB    NOT NULL,
            saved_at       INTEGER NOT NULL
        );
        """;

    private readonly string connectionString;
    private readonly SemaphoreSlim schemaGate = new(1, 1);
    private bool schemaCreated;

    public SqliteSnapshotStore(EventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(Path.GetDirectoryName(options.SqliteDatabasePath)!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.SqliteDatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
            Pooling = true,
        }.ToString();
    }

    public async Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO snapshots (key, schema_version, position, data, saved_at) VALUES ($key, $schema, $position, $data, $at)
            ON CONFLICT (key) DO UPDATE SET schema_version = excluded.schema_version, position = excluded.position,
                data = excluded.data, saved_at = excluded.saved_at
            WHERE excluded.position >= snapshots.position OR excluded.schema_version <> snapshots.schema_version
            """;
        command.Parameters.AddWithValue("$key", snapshot.Key);
        command.Parameters.AddWithValue("$schema", snapshot.SchemaVersion);
        command.Parameters.AddWithValue("$position", snapshot.Position);
        command.Parameters.AddWithValue("$data", snapshot.Data);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Snapshot?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT schema_version, position, data FROM snapshots WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new Snapshot(key, reader.GetInt32(0), reader.GetInt64(1), (byte[])reader.GetValue(2));
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM snapshots WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // substr, not LIKE: LIKE is case-insensitive in SQLite and treats % and _ as wildcards.
        command.CommandText = "SELECT key FROM snapshots WHERE substr(key, 1, length($prefix)) = $prefix ORDER BY key";
        command.Parameters.AddWithValue("$prefix", prefix);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) keys.Add(reader.GetString(0));
        return keys;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var pragma = connection.CreateCommand())
            {
                // Per connection: a saved snapshot survives a power cut like the events it folds.
                pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref schemaCreated)) return;
        await schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (schemaCreated) return;
            await using var command = connection.CreateCommand();
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref schemaCreated, true);
        }
        finally
        {
            schemaGate.Release();
        }
    }
}
