using Crm.Grains.Abstractions.EventStore;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// A filtered read answered by scanning the global log page by page and filtering each row: correct, but it reads
/// every workspace's rows. It stands in until the stores answer filters from their (workspace, category) index.
/// </summary>
internal static class ScanningFilteredRead
{
    private const int ScanPage = 2_000;

    public static async Task<EventPage> ReadAsync(IEventStore store, EventFilter filter, long afterPosition, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var prefix = filter.WorkspaceId is null ? null
            : filter.Categories.Count == 1 ? $"{filter.WorkspaceId}/{filter.Categories[0]}/" : $"{filter.WorkspaceId}/";
        var matched = new List<StoredEvent>();
        var cursor = afterPosition;
        while (true)
        {
            // The head is read before the page: every position up to it was committed when the page was read, so a
            // short page proves nothing matching lies up to it (reading it after could skip a commit in between).
            var head = await store.GetHeadPositionAsync(cancellationToken).ConfigureAwait(false);
            var page = await store.ReadAllAsync(cursor, ScanPage, prefix, cancellationToken).ConfigureAwait(false);
            foreach (var stored in page)
            {
                cursor = stored.Position;
                if (!filter.Matches(stored)) continue;
                matched.Add(stored);
                if (matched.Count == maxCount) return new EventPage(matched, cursor, false);
            }
            if (page.Count < ScanPage) return new EventPage(matched, Math.Max(cursor, head), true);
        }
    }
}
