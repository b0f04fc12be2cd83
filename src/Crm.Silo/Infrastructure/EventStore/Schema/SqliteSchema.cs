using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Crm.Silo.Infrastructure.EventStore.Schema;

/// <summary>
/// Brings a SQLite event file to <see cref="SchemaVersions.Latest"/> when the store opens. Every step is idempotent or
/// one transaction, so a migration cut short (a crash, <c>kill -9</c>) is finished by the next start; several processes
/// opening one file at once serialise on SQLite's write lock and each finds little or nothing left to do.
/// </summary>
internal static class SqliteSchema
{
    private const string Version1 = """
        CREATE TABLE IF NOT EXISTS events (
            position  INTEGER PRIMARY KEY AUTOINCREMENT,
            stream_id TEXT    NOT NULL,
            version   INTEGER NOT NULL,
            event_id  TEXT    NOT NULL UNIQUE,
            type      TEXT    NOT NULL,
            data      TEXT    NOT NULL,
            actor     TEXT    NOT NULL,
            timestamp INTEGER NOT NULL,
            prev_hash TEXT,
            hash      TEXT,
            UNIQUE (stream_id, version)
        );
        CREATE TABLE IF NOT EXISTS audit_heads (
            workspace TEXT    PRIMARY KEY,
            position  INTEGER NOT NULL,
            hash      TEXT    NOT NULL
        );
        """;

    // position is the rowid, which every SQLite index carries last: (category) is ordered like (category, position).
    private const string Version2Indexes = """
        CREATE INDEX IF NOT EXISTS events_by_category ON events (category);
        CREATE INDEX IF NOT EXISTS events_by_workspace_category ON events (workspace, category);
        CREATE INDEX IF NOT EXISTS events_by_workspace ON events (workspace);
        CREATE INDEX IF NOT EXISTS events_by_type ON events (type);
        """;

    public static void Migrate(SqliteConnection connection, string databasePath, ILogger logger)
    {
        var current = InTransaction(connection, () =>
        {
            Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
            return Scalar(connection, "SELECT coalesce(max(version), 0) FROM schema_version");
        });
        SchemaVersions.RefuseNewer(current, databasePath);
        if (current >= SchemaVersions.Latest)
        {
            return;
        }

        logger.LogInformation("Migrating event store {Database} from schema version {From} to {To}", databasePath, current, SchemaVersions.Latest);
        if (current < 1)
        {
            InTransaction(connection, () =>
            {
                Execute(connection, Version1);
                AddAuditColumns(connection);
                Record(connection, 1);
                return 0L;
            });
        }

        if (current < 2)
        {
            InTransaction(connection, () =>
            {
                AddColumnIfMissing(connection, "workspace");
                AddColumnIfMissing(connection, "category");
                return 0L;
            });
            var backfilled = Backfill(connection);
            InTransaction(connection, () =>
            {
                Execute(connection, Version2Indexes);
                Record(connection, 2);
                return 0L;
            });
            logger.LogInformation("Event store {Database}: workspace and category backfilled on {Rows} rows, indexes built", databasePath, backfilled);
        }
    }

    /// <summary>
    /// A file created before the audit chain lacks its two columns. Its old rows keep a null hash, which the verifier
    /// counts as written before the chain; each workspace's chain starts at its first new event.
    /// </summary>
    private static void AddAuditColumns(SqliteConnection connection)
    {
        if (!HasColumn(connection, "hash"))
        {
            Execute(connection, "ALTER TABLE events ADD COLUMN prev_hash TEXT");
            Execute(connection, "ALTER TABLE events ADD COLUMN hash TEXT");
        }
    }

    private static void AddColumnIfMissing(SqliteConnection connection, string column)
    {
        if (!HasColumn(connection, column))
        {
            Execute(connection, $"ALTER TABLE events ADD COLUMN {column} TEXT");
        }
    }

    /// <summary>
    /// Fills workspace and category of rows that lack them, in position order, one batch per transaction. NULL marks a
    /// row not done yet, so a rerun after a crash picks up where the last committed batch ended.
    /// </summary>
    private static long Backfill(SqliteConnection connection)
    {
        // The same derivation appends use, so a backfilled row reads exactly like a new one.
        connection.CreateFunction("crm_stream_workspace", (string streamId) => StreamColumns.Of(streamId).Workspace, isDeterministic: true);
        connection.CreateFunction("crm_stream_category", (string streamId) => StreamColumns.Of(streamId).Category, isDeterministic: true);
        long cursor = 0;
        long total = 0;
        while (true)
        {
            var from = cursor;
            var (last, rows) = InTransaction(connection, () =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT max(position) FROM (
                        SELECT position FROM events WHERE position > $from AND workspace IS NULL ORDER BY position LIMIT $batch)
                    """;
                command.Parameters.AddWithValue("$from", from);
                command.Parameters.AddWithValue("$batch", SchemaVersions.BackfillBatch);
                if (command.ExecuteScalar() is not long to)
                {
                    return (from, 0L);
                }

                command.CommandText = """
                    UPDATE events SET workspace = crm_stream_workspace(stream_id), category = crm_stream_category(stream_id)
                    WHERE position > $from AND position <= $to AND workspace IS NULL
                    """;
                command.Parameters.AddWithValue("$to", to);
                return (to, (long)command.ExecuteNonQuery());
            });
            if (last == from)
            {
                return total;
            }

            total += rows;
            cursor = last;
        }
    }

    private static void Record(SqliteConnection connection, int version)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO schema_version (version, applied_at) VALUES ($version, $at)";
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$at", SqliteEventStore.ToUnixMicroseconds(DateTimeOffset.UtcNow));
        command.ExecuteNonQuery();
    }

    private static bool HasColumn(SqliteConnection connection, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info('events') WHERE name = $name";
        command.Parameters.AddWithValue("$name", column);
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    /// <summary>Under the write lock (IMMEDIATE), so two processes opening one file never both alter it.</summary>
    private static T InTransaction<T>(SqliteConnection connection, Func<T> step)
    {
        Execute(connection, "BEGIN IMMEDIATE");
        try
        {
            var result = step();
            Execute(connection, "COMMIT");
            return result;
        }
        catch
        {
            Execute(connection, "ROLLBACK");
            throw;
        }
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static void Execute(SqliteConnection connection, string sql) => SqliteEventStore.Execute(connection, sql);
}
