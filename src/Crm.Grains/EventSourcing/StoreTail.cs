using System.Runtime.CompilerServices;
using Crm.Grains.Abstractions.EventStore;

namespace Crm.Grains.EventSourcing;

/// <summary>
/// How a projection reads the store: every event of the streams under a prefix after a global position, in position
/// order, a page at a time. The one copy of the paging loop that the inbox, the roster, the mail outbox and the
/// reports tail the store with, so a page boundary is handled the same way everywhere.
/// </summary>
public static class StoreTail
{
    public const int DefaultPageSize = 2_000;

    /// <summary>
    /// Events after <paramref name="afterPosition"/> in streams starting with <paramref name="streamPrefix"/>, up to the
    /// head as of the last page read. The caller records each event's position as its checkpoint once it has handled it,
    /// so a failure part-way resumes after the last event handled.
    /// </summary>
    public static async IAsyncEnumerable<StoredEvent> ReadAfterAsync(
        this IEventStore store, long afterPosition, string streamPrefix, int pageSize = DefaultPageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var page = await store.ReadAllAsync(afterPosition, pageSize, streamPrefix, cancellationToken);
            foreach (var stored in page) yield return stored;
            // A short page means the head was reached when it was read.
            if (page.Count < pageSize) yield break;
            afterPosition = page[^1].Position;
        }
    }
}
