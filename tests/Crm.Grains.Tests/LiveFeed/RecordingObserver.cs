using System.Collections.Concurrent;
using Crm.Grains.Abstractions.LiveFeed;

namespace Crm.Grains.Tests.LiveFeed;

/// <summary>A stand-in web node: records every item the feed delivers to it.</summary>
public sealed class RecordingObserver : ILiveFeedObserver
{
    private readonly ConcurrentQueue<LiveFeedItem> items = new();

    public IReadOnlyList<LiveFeedItem> Items => [.. items];

    public Task OnItemsAsync(LiveFeedItem[] delivered)
    {
        foreach (var item in delivered) items.Enqueue(item);
        return Task.CompletedTask;
    }

    public IReadOnlyList<T> Of<T>(string workspaceId) where T : LiveFeedItem =>
        [.. Items.OfType<T>().Where(i => i.WorkspaceId == workspaceId)];
}
