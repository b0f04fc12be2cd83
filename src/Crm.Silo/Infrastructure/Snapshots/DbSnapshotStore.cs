using System.Data;
using System.Data.Common;
using Crm.Silo.Infrastructure.Database;
using static Crm.Silo.Infrastructure.Database.DbCommands;
using Crm.Grains.Abstractions.Snapshots;
using Crm.Grains.Projections;

namespace Crm.Silo.Infrastructure.Snapshots;

/// <summary>
/// The snapshots table's statements, the same on SQLite and PostgreSQL (both take <c>@name</c> parameters, upserts with
/// <c>ON CONFLICT</c> and <c>substr</c>); the subclasses open connections and create the table. A save never moves a
/// snapshot back: it replaces the stored one only when it reached as far or further, or has another schema version.
/// </summary>
public abstract class DbSnapshotStore : ISnapshotStore
{
    protected const string Columns = "key, schema_version, position, data, saved_at";

    public virtual async Task SaveAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // A stream over the chunks: the driver copies them to the wire as it goes, never into one array (SQLite writes
        // them into the row itself, see its store).
        await using var data = new SequenceReadStream(snapshot.Data);
        await using var command = Command(connection, Upsert("@data"), UpsertParameters(snapshot, ("data", data)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the data as a stream into chunks, never one array: read in column order (sequential access), PostgreSQL's
    /// driver streams it off the wire, and SQLite reads it through incremental blob I/O (see <see cref="LoadColumns"/>).
    /// </summary>
    public async Task<Snapshot?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"SELECT {LoadColumns} FROM snapshots WHERE key = @key", ("key", key));
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        var (schemaVersion, position) = (reader.GetInt32(0), reader.GetInt64(1));
        await using var data = reader.GetStream(2);
        return new Snapshot(key, schemaVersion, position, await ChunkedBuffer.ReadAllAsync(data, cancellationToken).ConfigureAwait(false));
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "DELETE FROM snapshots WHERE key = @key", ("key", key));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListKeysAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // substr, not LIKE: LIKE is case-insensitive in SQLite and treats % and _ as wildcards.
        await using var command = Command(connection,
            "SELECT key FROM snapshots WHERE substr(key, 1, length(@prefix)) = @prefix ORDER BY key", ("prefix", prefix));
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) keys.Add(reader.GetString(0));
        return keys;
    }

    /// <summary>The upsert that never moves a snapshot back, with <paramref name="data"/> as the data's value.</summary>
    protected static string Upsert(string data) => $"""
        INSERT INTO snapshots ({Columns}) VALUES (@key, @schema, @position, {data}, @at)
        ON CONFLICT (key) DO UPDATE SET schema_version = excluded.schema_version, position = excluded.position,
            data = excluded.data, saved_at = excluded.saved_at
        WHERE excluded.position >= snapshots.position OR excluded.schema_version <> snapshots.schema_version
        """;

    protected static (string Name, object Value)[] UpsertParameters(Snapshot snapshot, (string Name, object Value) data) =>
        [("key", snapshot.Key), ("schema", snapshot.SchemaVersion), ("position", snapshot.Position), data,
            ("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())];

    /// <summary>What a load selects: the schema version, the position and the data, in that order (a store may add after them).</summary>
    protected virtual string LoadColumns => "schema_version, position, data";

    /// <summary>An open connection on which the snapshots table exists.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

}
