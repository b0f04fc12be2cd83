using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Projections;

namespace Crm.Grains.Projections;

/// <summary>
/// A one-off catch-up outside the projection runner: pages a projection's filter through the store up to the head in
/// the caller's own flow, with no checkpoint, monitor or retry (a failure fails the caller). Only the search rebuild
/// and the offline <c>reindex</c> command use it: they fill an index that is not live yet, possibly with no silo
/// running, and start again from nothing when they fail. Everything live goes through <see cref="ProjectionCursor"/>.
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
