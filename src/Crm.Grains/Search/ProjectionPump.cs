using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Projections;

namespace Crm.Grains.Search;

/// <summary>
/// TEMPORARY, until the one projection runner (issue 10, branch "projections") is merged: pages a projection's filter
/// through the store from its own checkpoint up to the head. The live search indexer's hosted loop and the one-off
/// rebuild use it; when merging, the live loop becomes a runner registration and this becomes the runner's catch-up.
/// </summary>
public static class ProjectionPump
{
    public const int BatchSize = 2_000;

    /// <summary>Hands every matching event after <paramref name="from"/> to <paramref name="projection"/>; returns the position read up to.</summary>
    public static async Task<long> CatchUpAsync(IEventStore store, IProjection projection, long from, CancellationToken cancellationToken)
    {
        var position = from;
        while (true)
        {
            var page = await store.ReadAsync(projection.Filter, position, BatchSize, cancellationToken);
            var moved = page.ReadUpTo > position;
            if (moved || page.Events.Count > 0)
            {
                await projection.HandleAsync(page.Events, page.ReadUpTo, cancellationToken);
                position = Math.Max(position, page.ReadUpTo);
            }

            // The head, or a page that moved nothing (nothing more is committed yet).
            if (page.ReachedHead || !moved) return position;
        }
    }
}
