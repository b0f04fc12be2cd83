using System.Diagnostics;
using Crm.Grains.Abstractions.Snapshots;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Crm.Grains.Projections;

/// <summary>
/// Saves and loads versioned snapshots of a fold's state with the Orleans serializer (the state types carry
/// [GenerateSerializer], like everything else that is persisted or crosses a grain boundary). A snapshot whose schema
/// version is not the one expected, or whose bytes do not deserialize, is discarded with a log line saying so, and the
/// caller rebuilds from the events: a snapshot is a shortcut, never the truth.
/// </summary>
public sealed class SnapshotCodec(ISnapshotStore store, Serializer serializer, ILogger<SnapshotCodec> logger)
{
    private const int LargeSnapshotBytes = 16 << 20;

    /// <summary>The state and the position it reached, or (null, 0) when there is no usable snapshot.</summary>
    public async Task<(T? State, long Position)> LoadAsync<T>(string key, int schemaVersion, CancellationToken cancellationToken = default)
        where T : class
    {
        Snapshot? snapshot;
        try
        {
            snapshot = await store.LoadAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Snapshot {Key} could not be read; rebuilding from the events", key);
            return (null, 0);
        }
        // An empty one is a marker (a partition registered to run, e.g. by an operator or a benchmark): nothing to restore.
        if (snapshot is null || snapshot.Data.Length == 0) return (null, 0);
        if (snapshot.SchemaVersion != schemaVersion)
        {
            logger.LogWarning("Snapshot {Key} has schema version {Found}, this code reads {Expected}: discarded, rebuilding from the events",
                key, snapshot.SchemaVersion, schemaVersion);
            await DiscardAsync(key, cancellationToken);
            return (null, 0);
        }
        try
        {
            var state = serializer.Deserialize<T>(snapshot.Data);
            if (state is not null) return (state, snapshot.Position);
            logger.LogWarning("Snapshot {Key} is empty: discarded, rebuilding from the events", key);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Snapshot {Key} at position {Position} is corrupt: discarded, rebuilding from the events", key, snapshot.Position);
        }
        await DiscardAsync(key, cancellationToken);
        return (null, 0);
    }

    /// <summary>Saves <paramref name="state"/> as folded up to <paramref name="position"/>; a failure is logged, never thrown (the next save tries again).</summary>
    public async Task<bool> SaveAsync<T>(string key, int schemaVersion, long position, T state, CancellationToken cancellationToken = default)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            using var data = new ChunkedBuffer();
            serializer.Serialize(state, data);
            var serialized = Stopwatch.GetElapsedTime(started);
            await store.SaveAsync(new Snapshot(key, schemaVersion, position, data.AsSequence()), cancellationToken);
            // A large one is worth a line: its size and cost are what spacing and memory depend on.
            if (data.Length >= LargeSnapshotBytes)
                logger.LogInformation("Snapshot {Key} at position {Position}: {Megabytes:0.0} MB serialized in {Serialized:0} ms, saved in {Milliseconds:0} ms",
                    key, position, data.Length / 1048576.0, serialized.TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Saving snapshot {Key} at position {Position} failed; the next one tries again", key, position);
            return false;
        }
    }

    private async Task DiscardAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Deleting the discarded snapshot {Key} failed; the next save replaces it", key);
        }
    }
}
