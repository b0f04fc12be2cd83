using System.Diagnostics;
using Crm.Benchmarks.Routing;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Conversations.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Benchmarks.Search;

/// <summary>
/// Chat at a fixed rate (<see cref="SearchProfile.LagMessagesPerSecond"/>) appended through the store into existing
/// conversations while the indexer projection runs live, as in the app: each message carries a unique word, and its
/// lag is the time from its commit (the append returning) to the first index write that covers its position. A sample
/// of the words is then searched for, to check that "covered" means "found".
/// </summary>
public static class IndexLag
{
    private const int Writers = 40;
    private const int ConversationsPerWriter = 10;

    public sealed record Result(Latencies Lags, int Messages, int Sampled, int Found);

    public static async Task<Result> RunAsync(IEventStore store, ISearchIndex index, VisibleWrites writes, SearchProfile profile, Action<string> log)
    {
        var total = (int)(SearchProfile.LagMessagesPerSecond * profile.LagDuration.TotalSeconds);
        var committed = new (long Position, long Ticks)[total];
        var start = Stopwatch.GetTimestamp();
        var behind = 0;
        var tasks = Enumerable.Range(0, Writers).Select(async writer =>
        {
            // Conversations of the queried workspace, ten per writer, each at its history's version.
            var conversations = Enumerable.Range(0, ConversationsPerWriter)
                .Select(k => (long)(writer * ConversationsPerWriter + k) * 10 % Math.Max(10, profile.Conversations - profile.Conversations % 10))
                .Select(n => (Stream: StreamIds.For(StreamIds.ConversationCategory, SearchWorkspace.Main, $"conv-{n}"), Version: 1L + SearchProfile.MessagesPerConversation))
                .DistinctBy(c => c.Stream)
                .ToArray();
            var author = new Author(AuthorKind.Customer, "lag", "Lag Probe");
            for (var i = writer; i < total; i += Writers)
            {
                var due = start + (long)(i * (double)Stopwatch.Frequency / SearchProfile.LagMessagesPerSecond);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                else if (wait < TimeSpan.FromMilliseconds(-100)) Interlocked.Increment(ref behind);
                var c = i / Writers % conversations.Length;
                // The history wrote an opening and its messages 1..n: the next message's number is the stream's version.
                var posted = new MessagePosted(conversations[c].Version, Guid.NewGuid(), author, $"Any news about my parcel? Reference {Token(i)} please.")
                    { At = DateTimeOffset.UtcNow, By = author.Actor };
                var appended = await store.AppendAsync(conversations[c].Stream, conversations[c].Version, [EventSerializer.ToEventData(posted)]);
                committed[i] = (appended.LastPosition, Stopwatch.GetTimestamp());
                conversations[c].Version = appended.NextExpectedVersion;
            }
        });
        await Task.WhenAll(tasks);
        var sent = Stopwatch.GetElapsedTime(start);
        log($"lag: {total:N0} messages appended in {sent.TotalSeconds:0.0} s ({total / sent.TotalSeconds:N0}/s; {behind:N0} sent more than 100 ms late)");

        var last = committed.Max(c => c.Position);
        var deadline = Stopwatch.StartNew();
        while (writes.Checkpoint < last && deadline.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(10);

        var lags = new Latencies();
        foreach (var (position, ticks) in committed)
        {
            if (writes.VisibleAt(position) is { } visible) lags.Add(Math.Max(0, Stopwatch.GetElapsedTime(ticks, visible).TotalMilliseconds));
            else lags.Add(double.PositiveInfinity);
        }

        var found = 0;
        var sample = Enumerable.Range(0, total).Where(i => i % Math.Max(1, total / 50) == 0).ToList();
        foreach (var i in sample)
        {
            var results = await index.SearchAsync(SearchQuery.Create(SearchWorkspace.Main, Token(i), includeInternalNotes: false, limit: 10), CancellationToken.None);
            if (results.Total > 0) found++;
        }

        return new Result(lags, total, sample.Count, found);
    }

    /// <summary>A word no generated text holds, one per message.</summary>
    private static string Token(int i) => $"zlag{i:x6}q";
}
