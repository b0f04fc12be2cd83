using System.Data.Common;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Infrastructure.Snapshots;

/// <summary>
/// Snapshots in the event store's SQLite file, table <c>snapshots</c> (created here, apart from the events' own schema
/// and migrations). Pooled connections of its own: snapshot writes are rare (every few thousand events per projection)
/// and short, and WAL lets them run beside the group committer's writer.
/// </summary>
public sealed class SqliteSnapshotStore : DbSnapshotStore
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

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per connection: a saved snapshot survives a power cut like the events it folds.
            await ExecuteAsync(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;", cancellationToken).ConfigureAwait(false);
            if (!Volatile.Read(ref schemaCreated))
            {
                await schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!schemaCreated) await ExecuteAsync(connection, Schema, cancellationToken).ConfigureAwait(false);
                    Volatile.Write(ref schemaCreated, true);
                }
                finally
                {
                    schemaGate.Release();
                }
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
