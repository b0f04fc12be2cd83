using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.LiveFeed;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Crm.Grains.Tests.LiveFeed;

/// <summary>
/// The cluster may hand this node two of a conversation's batches swapped (Orleans does not order one-way messages):
/// subscribers still get the thread in commit order, without repeats, and a row never older than one already shown.
/// Batches are made as conversation grains publish them (new thread entries, then the row); the web node's relay
/// hands on whatever the resequencer delivers.
/// </summary>
public sealed class FeedResequencerTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly FeedResequencer _relay;
    private readonly List<LiveFeedItem> _received = [];

    public FeedResequencerTests()
    {
        _relay = new FeedResequencer(_clock, items =>
        {
            lock (_received) _received.AddRange(items);
        });
    }

    [Fact]
    public async Task Publish_TwoBatchesSwapped_SubscribersGetTheThreadInCommitOrder()
    {
        _relay.Accept(Batch("c1", seqs: [1, 2], version: 3));
        _relay.Accept(Batch("c1", seqs: [4], version: 5)); // 3 is still on its way
        _relay.Accept(Batch("other", seqs: [7], version: 9)); // another conversation is not held up
        await WaitForAsync(() => Seqs("other").SequenceEqual([7L]), "the other conversation's message");
        Assert.Equal([1L, 2L], Seqs("c1"));

        _relay.Accept(Batch("c1", seqs: [3], version: 4));

        await WaitForAsync(() => Seqs("c1").Count == 4, "four messages");
        Assert.Equal([1L, 2L, 3L, 4L], Seqs("c1"));
        Assert.Equal([3L, 4L, 5L], Versions("c1"));
    }

    [Fact]
    public async Task Publish_TheMissingBatchNeverComes_WhatWasHeldGoesOnAfterTheHoldAndClientsGapFill()
    {
        _relay.Accept(Batch("c1", seqs: [1], version: 2));
        _relay.Accept(Batch("c1", seqs: [3], version: 4));
        _relay.Accept(Batch("c1", seqs: [4], version: 5));
        await WaitForAsync(() => Seqs("c1").Count == 1, "the first message");

        _clock.Advance(FeedResequencer.HoldFor - TimeSpan.FromMilliseconds(1));
        Assert.Equal([1L], Seqs("c1")); // still held: the hold has not run out

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForAsync(() => Seqs("c1").Count == 3, "the held messages");
        Assert.Equal([1L, 3L, 4L], Seqs("c1"));

        // The lost one turns up late: clients have read it by then, so it is not pushed again; the thread goes on.
        _relay.Accept(Batch("c1", seqs: [2], version: 3));
        _relay.Accept(Batch("c1", seqs: [5], version: 6));
        await WaitForAsync(() => Seqs("c1").Count == 4, "message 5");
        Assert.Equal([1L, 3L, 4L, 5L], Seqs("c1"));
        Assert.Equal([2L, 4L, 5L, 6L], Versions("c1"));
    }

    [Fact]
    public async Task Publish_TheSameBatchTwiceAndAnOlderRow_NothingRepeatsAndTheRowNeverGoesBack()
    {
        _relay.Accept(Batch("c1", seqs: [1, 2], version: 3));
        _relay.Accept(Batch("c1", seqs: [1, 2], version: 3));
        _relay.Accept(Batch("c1", seqs: [], version: 7)); // a status change: the row alone
        _relay.Accept(Batch("c1", seqs: [], version: 6)); // an older row, late
        _relay.Accept(Batch("c1", seqs: [3], version: 8));

        await WaitForAsync(() => Seqs("c1").Count == 3, "three messages");
        Assert.Equal([1L, 2L, 3L], Seqs("c1"));
        Assert.Equal([3L, 7L, 8L], Versions("c1"));
    }

    [Fact]
    public async Task Publish_ARowWhileMessagesAreHeld_WaitsBehindThemInCommitOrder()
    {
        _relay.Accept(Batch("c1", seqs: [1], version: 2));
        _relay.Accept(Batch("c1", seqs: [3], version: 4));
        _relay.Accept(Batch("c1", seqs: [], version: 5)); // assigned after message 3
        _relay.Accept(Batch("c1", seqs: [2], version: 3));

        await WaitForAsync(() => Versions("c1").Count == 4, "four rows");
        Assert.Equal([1L, 2L, 3L], Seqs("c1"));
        Assert.Equal([2L, 3L, 4L, 5L], Versions("c1"));
    }

    [Fact]
    public async Task Publish_TheInboxPublishesRowsOfSeveralConversationsAtOnce_EachRowIsOrderedAgainstItsOwnConversation()
    {
        // The inbox projection's batch: c1's row (read, version 4), then a busy conversation's row at version 300.
        _relay.Accept(Batch("c1", seqs: [1, 2], version: 3));
        _relay.Accept([.. Batch("c1", seqs: [], version: 4), .. Batch("busy", seqs: [], version: 300)]);
        // The visitor writes again: c1's next row (version 5, unread) must reach the inbox, not be taken for an old one.
        _relay.Accept(Batch("c1", seqs: [3], version: 5));
        _relay.Accept([.. Batch("busy", seqs: [], version: 301), .. Batch("c1", seqs: [], version: 2)]);

        await WaitForAsync(() => Versions("c1").Count == 3 && Versions("busy").Count == 2, "every row");
        Assert.Equal([3L, 4L, 5L], Versions("c1"));
        Assert.Equal([300L, 301L], Versions("busy"));
        Assert.Equal([1L, 2L, 3L], Seqs("c1"));
    }

    public void Dispose() => _relay.Dispose();

    private List<long> Seqs(string conversationId) =>
        Received.OfType<MessageFeedItem>().Where(m => m.Message.ConversationId == conversationId).Select(m => m.Message.Seq).ToList();

    private List<LiveFeedItem> Received
    {
        get
        {
            lock (_received) return [.. _received];
        }
    }

    private List<long> Versions(string conversationId) =>
        Received.OfType<ConversationFeedItem>().Where(c => c.Summary.ConversationId == conversationId).Select(c => c.Summary.Version).ToList();

    /// <summary>A conversation grain's batch: its new thread entries, then its row at <paramref name="version"/>.</summary>
    private static LiveFeedItem[] Batch(string conversationId, long[] seqs, long version)
    {
        var author = new Author(AuthorKind.Customer, "v1", "Visitor");
        var at = DateTimeOffset.UnixEpoch;
        var items = seqs.Select(LiveFeedItem (seq) =>
            new MessageFeedItem(new MessageDetails("w1", conversationId, seq, Guid.NewGuid(), author, $"m{seq}", at))).ToList();
        var last = seqs.Length > 0 ? seqs[^1] : 0;
        items.Add(new ConversationFeedItem(new ConversationSummary(
            "w1", conversationId, "Visitor", Channel.Chat, "", ConversationStatus.Open, null, at, last, "", AuthorKind.Customer, at, version)));
        return [.. items];
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Expected {what} within 10 s");
            await Task.Delay(10);
        }
    }
}
