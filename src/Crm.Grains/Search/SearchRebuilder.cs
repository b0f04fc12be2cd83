using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Projections;
using Microsoft.Extensions.Logging;

namespace Crm.Grains.Search;

/// <summary>
/// Rebuilds the search index from the event store into a new index beside the live one, then swaps it in while live
/// writes are held for the last catch-up: searches keep answering from the old index until the swap. One at a time
/// per process (the admin button and <c>reindex</c> both come here).
/// </summary>
public sealed class SearchRebuilder(IEventStore store, ISearchIndex index, TimeProvider clock, ILogger<SearchRebuilder> logger)
{
    private readonly Lock gate = new();
    private SearchRebuildStatus status = new(false, 0, null, null);
    private SearchIndexProjection? running;

    public SearchRebuildStatus Status
    {
        get
        {
            lock (gate) return status with { DocumentsWritten = running?.DocumentsWritten ?? status.DocumentsWritten };
        }
    }

    /// <summary>Starts a rebuild in the background; false when one is running.</summary>
    public bool TryStart(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (status.Running) return false;
            status = status with { Running = true, DocumentsWritten = 0, LastError = null };
        }

        _ = Task.Run(() => RunAsync(cancellationToken), CancellationToken.None);
        return true;
    }

    /// <summary>Rebuilds and swaps in; returns the documents written.</summary>
    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var target = await index.CreateRebuildTargetAsync(cancellationToken);
            var projection = new SearchIndexProjection(target);
            lock (gate) running = projection;
            logger.LogInformation("Search rebuild started");
            var position = await ProjectionPump.CatchUpAsync(store, projection, 0, cancellationToken);
            await target.RecordMappingAsync(SearchMapping.Of(projection.Mappers), cancellationToken);
            // Live writes wait here: whatever the live index has, the rebuilt one gets too before it is swapped in.
            await index.SwapInAsync(target, async ct => position = await ProjectionPump.CatchUpAsync(store, projection, position, ct), cancellationToken);
            logger.LogInformation("Search rebuild swapped in at position {Position} with {Documents} documents", position, projection.DocumentsWritten);
            lock (gate) status = new SearchRebuildStatus(false, projection.DocumentsWritten, clock.GetUtcNow(), null);
            return projection.DocumentsWritten;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Search rebuild failed; the live index is unchanged");
            lock (gate) status = status with { Running = false, LastError = exception.Message };
            throw;
        }
        finally
        {
            lock (gate) running = null;
        }
    }
}
