using Microsoft.Extensions.Logging;
using Npgsql;

namespace Crm.Silo.Infrastructure.EventStore.Schema;

/// <summary>
/// Brings a PostgreSQL event store to <see cref="SchemaVersions.Latest"/> when a silo first uses it. One silo migrates at
/// a time (a session advisory lock, released by the server if the silo dies); every step is idempotent or one
/// transaction, so a migration cut short is finished by the next start. Stop every silo of the older build before the
/// first one of a newer build starts: rows an older silo appended after the backfill would lack their workspace and
/// category.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Held by the silo that migrates; not the append lock, so a long backfill never blocks appends' lock holders elsewhere.</summary>
    private const long MigrationLockKey = 0x4372_6D53_6368_656D; // "CrmSchem"

    private const string Version1 = """
        CREATE TABLE IF NOT EXISTS events (
            position  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            stream_id text        NOT NULL,
            version   bigint      NOT NULL,
            event_id  uuid        NOT NULL UNIQUE,
            type      text        NOT NULL,
            data      text        NOT NULL,
            actor     text        NOT NULL,
            timestamp timestamptz NOT NULL,
            prev_hash text,
            hash      text,
            UNIQUE (stream_id, version)
        );
        -- A database created before the audit chain: its old rows keep a null hash (written before the chain).
        -- Checked first, because ALTER TABLE locks out readers even when there is nothing to add.
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                           WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'hash') THEN
                ALTER TABLE events ADD COLUMN prev_hash text, ADD COLUMN hash text;
            END IF;
        END $$;
        CREATE TABLE IF NOT EXISTS audit_heads (
            workspace text   PRIMARY KEY,
            position  bigint NOT NULL,
            hash      text   NOT NULL
        );
        INSERT INTO schema_version (version, applied_at) VALUES (1, now()) ON CONFLICT DO NOTHING;
        """;

    private const string Version2Columns = "ALTER TABLE events ADD COLUMN IF NOT EXISTS workspace text, ADD COLUMN IF NOT EXISTS category text";

    // The same derivation as StreamColumns.Of (StreamIds.Parse): exactly three non-empty parts, else empty strings.
    private const string Version2Backfill = """
        WITH batch AS (
            SELECT position FROM events WHERE position > $1 AND workspace IS NULL ORDER BY position LIMIT $2
        ), done AS (
            UPDATE events e SET
                workspace = CASE WHEN e.stream_id ~ '^[^/]+/[^/]+/[^/]+$' THEN split_part(e.stream_id, '/', 1) ELSE '' END,
                category  = CASE WHEN e.stream_id ~ '^[^/]+/[^/]+/[^/]+$' THEN split_part(e.stream_id, '/', 2) ELSE '' END
            FROM batch WHERE e.position = batch.position
            RETURNING e.position
        )
        SELECT max(position), count(*) FROM done
        """;

    private const string Version2Indexes = """
        CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position);
        CREATE INDEX IF NOT EXISTS events_by_workspace_category ON events (workspace, category, position);
        CREATE INDEX IF NOT EXISTS events_by_workspace ON events (workspace, position);
        CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
        INSERT INTO schema_version (version, applied_at) VALUES (2, now()) ON CONFLICT DO NOTHING;
        """;

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var store = $"PostgreSQL database '{connection.Database}'";
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(
                connection,
                "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken).ConfigureAwait(false);
            long current;
            await using (var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection))
            {
                current = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
            }

            SchemaVersions.RefuseNewer(current, store);
            if (current >= SchemaVersions.Latest)
            {
                return;
            }

            logger.LogInformation("Migrating event store {Store} from schema version {From} to {To}", store, current, SchemaVersions.Latest);
            if (current < 1)
            {
                await InTransactionAsync(connection, Version1, cancellationToken).ConfigureAwait(false);
            }

            if (current < 2)
            {
                await InTransactionAsync(connection, Version2Columns, cancellationToken).ConfigureAwait(false);
                var backfilled = await BackfillAsync(connection, cancellationToken).ConfigureAwait(false);
                await InTransactionAsync(connection, Version2Indexes, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Event store {Store}: workspace and category backfilled on {Rows} rows, indexes built", store, backfilled);
            }
        }
        finally
        {
            // The lock is the session's: give it back before the connection returns to the pool.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>One batch per statement (so per transaction), in position order; NULL marks the rows not done yet.</summary>
    private static async Task<long> BackfillAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        long cursor = 0;
        long total = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand(Version2Backfill, connection)
            {
                Parameters =
                {
                    new NpgsqlParameter<long> { TypedValue = cursor },
                    new NpgsqlParameter<int> { TypedValue = SchemaVersions.BackfillBatch },
                },
            };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (reader.IsDBNull(0))
            {
                return total;
            }

            cursor = reader.GetInt64(0);
            total += reader.GetInt64(1);
        }
    }

    private static async Task InTransactionAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
