using System.Text.Json;
using Crm.Silo.Infrastructure.Audit;
using Microsoft.Data.Sqlite;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>One group commit on the SQLite writer connection, begun with <c>BEGIN IMMEDIATE</c> by the store.</summary>
internal sealed class SqliteAppendTransaction : IAppendTransaction
{
    private const int SqliteConstraint = 19;

    private readonly SqliteConnection connection;
    private readonly Action dropConnection;
    private readonly SqliteCommand insert;
    private readonly SqliteParameter position;
    private readonly SqliteParameter streamId;
    private readonly SqliteParameter version;
    private readonly SqliteParameter eventId;
    private readonly SqliteParameter type;
    private readonly SqliteParameter data;
    private readonly SqliteParameter actor;
    private readonly SqliteParameter timestamp;
    private readonly SqliteParameter prevHash;
    private readonly SqliteParameter hash;
    private readonly SqliteParameter workspace;
    private readonly SqliteParameter category;

    // Highest position taken so far, read under the write lock on first use; advanced only by inserts that went in.
    private long? lastPosition;
    private bool committed;

    public SqliteAppendTransaction(SqliteConnection connection, Action dropConnection)
    {
        this.connection = connection;
        this.dropConnection = dropConnection;

        // One prepared insert reused for every event of the batch.
        insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO events (position, stream_id, version, event_id, type, data, actor, timestamp, prev_hash, hash, workspace, category)
            VALUES ($position, $stream, $version, $id, $type, $data, $actor, $timestamp, $prev, $hash, $workspace, $category)
            """;
        position = insert.Parameters.Add("$position", SqliteType.Integer);
        streamId = insert.Parameters.Add("$stream", SqliteType.Text);
        version = insert.Parameters.Add("$version", SqliteType.Integer);
        eventId = insert.Parameters.Add("$id", SqliteType.Text);
        type = insert.Parameters.Add("$type", SqliteType.Text);
        data = insert.Parameters.Add("$data", SqliteType.Text);
        actor = insert.Parameters.Add("$actor", SqliteType.Text);
        timestamp = insert.Parameters.Add("$timestamp", SqliteType.Integer);
        prevHash = insert.Parameters.Add("$prev", SqliteType.Text);
        hash = insert.Parameters.Add("$hash", SqliteType.Text);
        workspace = insert.Parameters.Add("$workspace", SqliteType.Text);
        category = insert.Parameters.Add("$category", SqliteType.Text);
    }

    public Task<AppendBatchState> ReadStateAsync(
        IReadOnlyCollection<string> streamIds,
        IReadOnlyCollection<Guid> eventIds,
        IReadOnlyCollection<string> workspaces,
        CancellationToken cancellationToken)
    {
        // One statement each for the whole batch: the ids travel as a JSON array expanded by json_each.
        var versions = new Dictionary<string, long>(streamIds.Count, StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            // A max() per stream, not GROUP BY: the scalar form seeks to the stream's last index entry instead of
            // reading all of its versions.
            command.CommandText = """
                SELECT s.value, (SELECT max(version) FROM events WHERE stream_id = s.value)
                FROM json_each($streams) AS s
                """;
            command.Parameters.AddWithValue("$streams", JsonSerializer.Serialize(streamIds));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!reader.IsDBNull(1))
                {
                    versions[reader.GetString(0)] = reader.GetInt64(1);
                }
            }
        }

        var events = new Dictionary<Guid, ExistingEvent>(eventIds.Count);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT event_id, stream_id, version, position FROM events
                WHERE event_id IN (SELECT value FROM json_each($ids))
                """;
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(eventIds.Select(FormatId)));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                events[Guid.Parse(reader.GetString(0))] = new ExistingEvent(reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3));
            }
        }

        var heads = new Dictionary<string, string>(workspaces.Count, StringComparer.Ordinal);
        if (workspaces.Count > 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT workspace, hash FROM audit_heads WHERE workspace IN (SELECT value FROM json_each($workspaces))";
            command.Parameters.AddWithValue("$workspaces", JsonSerializer.Serialize(workspaces));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                heads[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return Task.FromResult(new AppendBatchState(versions, events, heads));
    }

    public Task<long[]> ReservePositionsAsync(int count, CancellationToken cancellationToken)
    {
        if (lastPosition is null)
        {
            // AUTOINCREMENT's sequence too, not only max(position): a position once used is never handed out again,
            // even if its row is gone.
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT max(
                    coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0),
                    coalesce((SELECT max(position) FROM events), 0))
                """;
            lastPosition = Convert.ToInt64(command.ExecuteScalar());
        }

        var positions = new long[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = lastPosition.Value + 1 + i;
        }

        return Task.FromResult(positions);
    }

    /// <summary>Other processes on the file learn of the new head only by reading it: SQLite has no notification.</summary>
    public Task SaveHeadsAsync(IReadOnlyCollection<AuditChainHead> heads, long logHead, CancellationToken cancellationToken)
    {
        using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO audit_heads (workspace, position, hash) VALUES ($workspace, $position, $hash)
            ON CONFLICT (workspace) DO UPDATE SET position = excluded.position, hash = excluded.hash
            """;
        var headWorkspace = upsert.Parameters.Add("$workspace", SqliteType.Text);
        var headPosition = upsert.Parameters.Add("$position", SqliteType.Integer);
        var headHash = upsert.Parameters.Add("$hash", SqliteType.Text);
        foreach (var head in heads)
        {
            headWorkspace.Value = head.Workspace;
            headPosition.Value = head.Position;
            headHash.Value = head.Hash;
            upsert.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public Task<InsertResult> InsertAsync(IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken)
    {
        // In process, round trips cost nothing: insert one write at a time and stop at the first refused one.
        var inserted = new List<long[]>(writes.Count);
        foreach (var write in writes)
        {
            if (TryInsert(write) is not { } positions)
            {
                return Task.FromResult(new InsertResult(inserted, inserted.Count));
            }

            inserted.Add(positions);
        }

        return Task.FromResult(new InsertResult(inserted, null));
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        // With synchronous=FULL, COMMIT returns after the WAL is fsynced.
        SqliteEventStore.Execute(connection, "COMMIT");
        committed = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        insert.Dispose();
        if (!committed)
        {
            try
            {
                SqliteEventStore.Execute(connection, "ROLLBACK");
            }
            catch (SqliteException)
            {
                // SQLite may already have rolled back (for example after an I/O error); start the next batch on a fresh connection.
                dropConnection();
            }
        }

        return ValueTask.CompletedTask;
    }

    private long[]? TryInsert(PlannedWrite write)
    {
        // A failing INSERT undoes only itself in SQLite, so a single-event append needs no savepoint;
        // a multi-event one does, to stay all-or-nothing without aborting the rest of the batch.
        var useSavepoint = write.Events.Length > 1;
        if (useSavepoint)
        {
            SqliteEventStore.Execute(connection, "SAVEPOINT append");
        }

        try
        {
            for (var i = 0; i < write.Events.Length; i++)
            {
                var e = write.Events[i];
                position.Value = write.Positions[i];
                streamId.Value = write.StreamId;
                workspace.Value = write.Columns.Workspace;
                category.Value = write.Columns.Category;
                version.Value = write.FirstVersion + i;
                eventId.Value = FormatId(e.EventId);
                type.Value = e.Type;
                data.Value = e.Data;
                actor.Value = e.Actor;
                timestamp.Value = SqliteEventStore.ToUnixMicroseconds(e.Timestamp);
                prevHash.Value = write.PrevHashes[i];
                hash.Value = write.Hashes[i];
                insert.ExecuteNonQuery();
            }

            if (useSavepoint)
            {
                SqliteEventStore.Execute(connection, "RELEASE append");
            }

            lastPosition = write.Positions[^1];
            return write.Positions;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteConstraint)
        {
            if (useSavepoint)
            {
                SqliteEventStore.Execute(connection, "ROLLBACK TO append");
                SqliteEventStore.Execute(connection, "RELEASE append");
            }

            return null;
        }
    }

    private static string FormatId(Guid id) => id.ToString("D");
}
