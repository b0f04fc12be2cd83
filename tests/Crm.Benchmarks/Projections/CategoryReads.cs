using System.Diagnostics;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;

namespace Crm.Benchmarks.Projections;

/// <summary>
/// (a) A fresh projection reading one category of every workspace from position 0: through the store's filtered read
/// (<see cref="IEventStore.ReadAsync"/>, answered from the (category, position) index), against the same read the way
/// projections read before it, a prefix scan per workspace (<see cref="IEventStore.ReadAllAsync"/> with
/// "{workspace}/{category}/"). Both count the events they found, which must agree.
/// </summary>
public static class CategoryReads
{
    private const int Page = 1_000;

    public static async Task<(long Events, double Seconds)> FilteredAsync(IEventStore store, string category)
    {
        var clock = Stopwatch.StartNew();
        long found = 0, after = 0;
        var filter = EventFilter.ForCategories(null, category);
        while (true)
        {
            var page = await store.ReadAsync(filter, after, Page);
            found += page.Events.Count;
            after = page.ReadUpTo;
            if (page.ReachedHead) return (found, clock.Elapsed.TotalSeconds);
        }
    }

    public static async Task<(long Events, double Seconds)> PrefixScanAsync(IEventStore store, IEnumerable<string> workspaceIds, string category)
    {
        var clock = Stopwatch.StartNew();
        long found = 0;
        foreach (var workspaceId in workspaceIds)
        {
            var prefix = StreamIds.CategoryPrefix(category, workspaceId);
            long after = 0;
            while (true)
            {
                var page = await store.ReadAllAsync(after, Page, prefix);
                found += page.Count;
                if (page.Count < Page) break;
                after = page[^1].Position;
            }
        }
        return (found, clock.Elapsed.TotalSeconds);
    }
}
