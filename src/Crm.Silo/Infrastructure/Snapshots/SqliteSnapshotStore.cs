using System.Data.Common;
using Crm.Grains.Abstractions.Snapshots;
using Crm.Silo.Infrastructure.Database;
using static Crm.Silo.Infrastructure.Database.DbCommands;
using Crm.Silo.Infrastructure.EventStore;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Infrastructure.Snapshots;

/// <summary>
/// Snapshots in a SQLite file of their own (<c>snapshots.db</c> beside <c>events.db</c>), table <c>snapshots</c>.
/// SQLite has one writer per file, WAL or not: in the events' file, saving a large snapshot (the CRM directory of a
/// million customers is over 100 MB) held the write lock for seconds, and every append waited behind it. Snapshots are
/// derived from the events, so apart they lose nothing. A data folder from before keeps its snapshots: they move over
/// on first open.
/// </summary>
public sealed class SqliteSnapshotStore : DbSnapshotStore
{
    // The data is the last column: SQLite writes a trailing zeroblob straight to pages, where one in the middle of a
    // row is first built in memory (SaveAsync writes the chunks into it).
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS snapshots (
            key            TEXT    PRIMARY KEY,
            schema_version INTEGER NOT NULL,
            position       INTEGER NOT NULL,
            saved_at       INTEGER NOT NULL,
            data           BLOB    NOT NULL
        );
        """;

    /// <summary>A table from before the data went last is rebuilt once, its snapshots kept; idempotent.</summary>
    private const string DataLast = $"""
        CREATE TABLE snapshots_data_last (
            key            TEXT    PRIMARY KEY,
            schema_version INTEGER NOT NULL,
            position       INTEGER NOT NULL,
            saved_at       INTEGER NOT NULL,
            data           BLOB    NOT NULL
        );
        INSERT INTO snapshots_data_last ({Columns}) SELECT {Columns} FROM snapshots;
        DROP TABLE snapshots;
        ALTER TABLE snapshots_data_last RENAME TO snapshots;
        """;

    private readonly string connectionString;
    private readonly string eventsPath;
    private readonly SchemaOnce schema = new();

    public SqliteSnapshotStore(EventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        eventsPath = options.SqliteDatabasePath;
        connectionString = SqliteFiles.ConnectionString(options.SqliteSnapshotsPath);
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await SqliteFiles.OpenAsync(connectionString, schema, async (connection, ct) =>
        {
            await ExecuteAsync(connection, Schema, ct).ConfigureAwait(false);
            await PutDataLastAsync(connection, ct).ConfigureAwait(false);
            await MoveFromEventsFileAsync(connection, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Writes the snapshot's chunks into its row through SQLite's incremental blob I/O: the row is saved with a zeroblob
    /// of the right length, then filled, in one transaction (nobody reads the zeros). Bound as one value, a 150 MB
    /// snapshot was copied whole by the driver and again into the row's record, on top of the serialized array.
    /// </summary>
    public override async Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, Upsert("zeroblob(@length)") + " RETURNING rowid", UpsertParameters(snapshot, ("length", snapshot.Data.Length)));
        command.Transaction = transaction;
        // No row back: a snapshot further on is kept, and this one is not written.
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long rowId && !snapshot.Data.IsEmpty)
        {
            await using var blob = new SqliteBlob(connection, "snapshots", "data", rowId);
            foreach (var chunk in snapshot.Data) await blob.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rowid selected too: with it, the driver reads the data through incremental blob I/O, never whole.</summary>
    protected override string LoadColumns => base.LoadColumns + ", rowid";

    private static async Task PutDataLastAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Looked at under the write lock: two processes opening an old file rebuild it once between them.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var last = connection.CreateCommand();
        last.Transaction = transaction;
        last.CommandText = "SELECT name FROM pragma_table_info('snapshots') ORDER BY cid DESC LIMIT 1";
        if (await last.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string == "data") return;
        await using var rebuild = connection.CreateCommand();
        rebuild.Transaction = transaction;
        rebuild.CommandText = DataLast;
        await rebuild.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Snapshots saved before they had a file of their own are copied over (a newer one here wins) and their table in
    /// the events' file is dropped. Idempotent: after a crash between the two, the next open finishes.
    /// </summary>
    private async Task MoveFromEventsFileAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (!File.Exists(eventsPath)) return;
        await using var attach = connection.CreateCommand();
        attach.CommandText = "ATTACH DATABASE @path AS events";
        attach.Parameters.AddWithValue("@path", eventsPath);
        await attach.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT count(*) FROM events.sqlite_master WHERE type = 'table' AND name = 'snapshots'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)) == 0) return;
            await ExecuteAsync(connection, $"""
                INSERT OR IGNORE INTO main.snapshots ({Columns}) SELECT {Columns} FROM events.snapshots;
                DROP TABLE events.snapshots;
                """, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync(connection, "DETACH DATABASE events", cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken) =>
        SqliteFiles.ExecuteAsync(connection, sql, cancellationToken);
}
