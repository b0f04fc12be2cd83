using Microsoft.Data.Sqlite;

namespace Crm.Benchmarks.Store;

/// <summary>
/// The baseline the group commit is measured against: one durable transaction per append on the same schema and
/// pragmas, the writers taking turns on the single SQLite writer connection (SQLite allows one writer at a time).
/// </summary>
public sealed class NaiveSqliteAppender : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly SemaphoreSlim writerTurn = new(1, 1);
    private readonly SqliteCommand readVersion;
    private readonly SqliteCommand insert;

    public NaiveSqliteAppender(string databasePath)
    {
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        Execute("PRAGMA busy_timeout = 30000");
        Execute("PRAGMA journal_mode = WAL");
        Execute("PRAGMA synchronous = FULL");

        readVersion = connection.CreateCommand();
        readVersion.CommandText = "SELECT coalesce(max(version), 0) FROM events WHERE stream_id = $stream";
        readVersion.Parameters.Add("$stream", SqliteType.Text);

        insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO events (stream_id, version, event_id, type, data, actor, timestamp)
            VALUES ($stream, $version, $id, $type, $data, $actor, $timestamp)
            """;
        foreach (var name in new[] { "$stream", "$version", "$id", "$type", "$data", "$actor", "$timestamp" })
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
    }

    /// <summary>Appends one event if the stream is at <paramref name="expectedVersion"/>, committing it durably on its own.</summary>
    public async Task AppendAsync(string streamId, long expectedVersion, string type, string data, string actor, DateTimeOffset timestamp)
    {
        await writerTurn.WaitAsync();
        try
        {
            Execute("BEGIN IMMEDIATE");
            try
            {
                readVersion.Parameters[0].Value = streamId;
                var current = (long)readVersion.ExecuteScalar()!;
                if (current != expectedVersion)
                {
                    throw new InvalidOperationException($"Stream '{streamId}' is at {current}, not {expectedVersion}.");
                }

                insert.Parameters[0].Value = streamId;
                insert.Parameters[1].Value = expectedVersion + 1;
                insert.Parameters[2].Value = Guid.CreateVersion7().ToString("D");
                insert.Parameters[3].Value = type;
                insert.Parameters[4].Value = data;
                insert.Parameters[5].Value = actor;
                insert.Parameters[6].Value = (timestamp.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
                insert.ExecuteNonQuery();
                Execute("COMMIT");
            }
            catch
            {
                Execute("ROLLBACK");
                throw;
            }
        }
        finally
        {
            writerTurn.Release();
        }
    }

    public void Dispose()
    {
        readVersion.Dispose();
        insert.Dispose();
        connection.Dispose();
        writerTurn.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
