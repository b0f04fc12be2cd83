using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.EventStore;
using Xunit;

namespace Crm.Silo.Tests.EventStore;

/// <summary>
/// The behaviour every <see cref="IEventStore"/> must have, run against each provider by a subclass.
/// Every test gets fresh storage (a temp folder or a new database), so no test sees another's events.
/// </summary>
public abstract partial class EventStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Time = new(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    private IEventStore? store;

    protected IEventStore Store => store ?? throw new InvalidOperationException("The store is not open.");

    public async Task InitializeAsync()
    {
        await CreateStorageAsync();
        store = OpenStore();
    }

    public async Task DisposeAsync()
    {
        await CloseStoreAsync();
        await DeleteStorageAsync();
    }

    [Fact]
    public async Task AppendAsync_NewStream_ReadStreamReturnsEventsInVersionOrder()
    {
        var events = new[] { NewEvent("TicketOpened", "{\"n\":1}"), NewEvent("TicketAssigned", "{\"n\":2}"), NewEvent("TicketClosed", "{\"n\":3}") };

        var result = await Store.AppendAsync("ws1/ticket/1", ExpectedVersion.NoStream, events);

        Assert.Equal(3, result.NextExpectedVersion);
        Assert.False(result.Duplicate);
        var stored = await Store.ReadStreamAsync("ws1/ticket/1");
        Assert.Equal([1L, 2L, 3L], stored.Select(e => e.Version));
        Assert.Equal(result.LastPosition, stored[^1].Position);
        Assert.True(stored[0].Position < stored[1].Position && stored[1].Position < stored[2].Position, "positions follow versions");
        for (var i = 0; i < events.Length; i++)
        {
            Assert.Equal("ws1/ticket/1", stored[i].StreamId);
            Assert.Equal(events[i].EventId, stored[i].EventId);
            Assert.Equal(events[i].Type, stored[i].Type);
            Assert.Equal(events[i].Data, stored[i].Data);
            Assert.Equal(events[i].Actor, stored[i].Actor);
            Assert.Equal(events[i].Timestamp, stored[i].Timestamp);
        }

        Assert.Equal([3L], (await Store.ReadStreamAsync("ws1/ticket/1", afterVersion: 2)).Select(e => e.Version));
        Assert.Empty(await Store.ReadStreamAsync("ws1/ticket/2"));
        Assert.Equal(result.LastPosition, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task GetHeadPositionAsync_EmptyStore_ReturnsZero()
    {
        Assert.Equal(0, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task AppendAsync_ExpectedVersionBehindStream_ThrowsAndWritesNothing()
    {
        await Store.AppendAsync("ws1/deal/1", ExpectedVersion.NoStream, [NewEvent(), NewEvent()]);

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync("ws1/deal/1", 1, [NewEvent()]));

        Assert.Equal("ws1/deal/1", error.StreamId);
        Assert.Equal(1, error.Expected);
        Assert.Equal(2, error.Actual);
        Assert.Contains("ws1/deal/1", error.Message);
        Assert.Equal(2, (await Store.ReadStreamAsync("ws1/deal/1")).Count);
    }

    [Fact]
    public async Task AppendAsync_ExpectedVersionOnMissingStream_ThrowsAndWritesNothing()
    {
        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync("ws1/deal/missing", 3, [NewEvent()]));

        Assert.Equal(0, error.Actual);
        Assert.Empty(await Store.ReadStreamAsync("ws1/deal/missing"));
    }

    [Fact]
    public async Task AppendAsync_NoStreamOnExistingStream_ThrowsWrongExpectedVersion()
    {
        await Store.AppendAsync("ws1/customer/1", ExpectedVersion.NoStream, [NewEvent()]);

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync("ws1/customer/1", ExpectedVersion.NoStream, [NewEvent()]));

        Assert.Equal(ExpectedVersion.NoStream, error.Expected);
        Assert.Equal(1, error.Actual);
        Assert.Single(await Store.ReadStreamAsync("ws1/customer/1"));
    }

    [Fact]
    public async Task AppendAsync_AnyExpectedVersion_AppendsAtTheEnd()
    {
        await Store.AppendAsync("ws1/agent/1", ExpectedVersion.Any, [NewEvent()]);

        var result = await Store.AppendAsync("ws1/agent/1", ExpectedVersion.Any, [NewEvent(), NewEvent()]);

        Assert.Equal(3, result.NextExpectedVersion);
        Assert.Equal([1L, 2L, 3L], (await Store.ReadStreamAsync("ws1/agent/1")).Select(e => e.Version));
    }

    [Fact]
    public async Task AppendAsync_SameEventIdsAgain_ReturnsOriginalAndWritesNothing()
    {
        var events = new[] { NewEvent(), NewEvent() };
        var original = await Store.AppendAsync("ws1/conversation/1", ExpectedVersion.NoStream, events);
        await Store.AppendAsync("ws1/conversation/1", 2, [NewEvent()]);

        // A retry after a lost acknowledgement carries the stale expected version: it must still be recognised.
        var retried = await Store.AppendAsync("ws1/conversation/1", ExpectedVersion.NoStream, events);

        Assert.True(retried.Duplicate);
        Assert.Equal(original.NextExpectedVersion, retried.NextExpectedVersion);
        Assert.Equal(original.LastPosition, retried.LastPosition);
        Assert.Equal(3, (await Store.ReadStreamAsync("ws1/conversation/1")).Count);
        Assert.Equal(3, (await Store.ReadAllAsync(0, 100)).Count);
    }

    [Fact]
    public async Task AppendAsync_SomeEventIdsAlreadyStored_ThrowsAndWritesNothing()
    {
        var first = NewEvent();
        await Store.AppendAsync("ws1/conversation/2", ExpectedVersion.NoStream, [first]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.AppendAsync("ws1/conversation/2", 1, [first, NewEvent()]));

        Assert.Contains("event ids", error.Message);
        Assert.Single(await Store.ReadStreamAsync("ws1/conversation/2"));
    }

    [Fact]
    public async Task AppendAsync_EventIdStoredInAnotherStream_ThrowsAndWritesNothing()
    {
        var shared = NewEvent();
        await Store.AppendAsync("ws1/ticket/a", ExpectedVersion.NoStream, [shared]);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.AppendAsync("ws1/ticket/b", ExpectedVersion.NoStream, [shared]));

        Assert.Empty(await Store.ReadStreamAsync("ws1/ticket/b"));
    }

    [Fact]
    public async Task AppendAsync_EmptyBatchOrRepeatedId_ThrowsArgumentException()
    {
        var repeated = NewEvent();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync("ws1/x/1", ExpectedVersion.NoStream, []));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync("ws1/x/1", ExpectedVersion.NoStream, [repeated, repeated]));

        Assert.Empty(await Store.ReadStreamAsync("ws1/x/1"));
    }

    [Fact]
    public async Task AppendAsync_CancelledBeforeQueued_ThrowsAndWritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Store.AppendAsync("ws1/x/2", ExpectedVersion.NoStream, [NewEvent()], cancelled.Token));

        Assert.Empty(await Store.ReadStreamAsync("ws1/x/2"));
    }

    [Fact]
    public async Task ReadAllAsync_AfterPosition_ReturnsLaterEventsInPositionOrder()
    {
        await Store.AppendAsync("ws1/a/1", ExpectedVersion.NoStream, [NewEvent(), NewEvent()]);
        var middle = await Store.AppendAsync("ws1/b/1", ExpectedVersion.NoStream, [NewEvent()]);
        await Store.AppendAsync("ws1/a/1", 2, [NewEvent()]);
        await Store.AppendAsync("ws1/c/1", ExpectedVersion.NoStream, [NewEvent(), NewEvent()]);

        var all = await Store.ReadAllAsync(0, 100);
        var after = await Store.ReadAllAsync(middle.LastPosition, 100);
        var page = await Store.ReadAllAsync(middle.LastPosition, 2);

        Assert.Equal(6, all.Count);
        AssertStrictlyIncreasing(all.Select(e => e.Position));
        Assert.Equal(["ws1/a/1", "ws1/a/1", "ws1/b/1", "ws1/a/1", "ws1/c/1", "ws1/c/1"], all.Select(e => e.StreamId));
        Assert.Equal(all.Skip(3).Select(e => e.EventId), after.Select(e => e.EventId));
        Assert.Equal(all.Skip(3).Take(2).Select(e => e.EventId), page.Select(e => e.EventId));
        Assert.Empty(await Store.ReadAllAsync(all[^1].Position, 100));
    }

    [Fact]
    public async Task ReadAllAsync_WithStreamPrefix_ReturnsOnlyMatchingStreams()
    {
        await Store.AppendAsync("ws1/ticket/1", ExpectedVersion.NoStream, [NewEvent()]);
        await Store.AppendAsync("ws2/ticket/1", ExpectedVersion.NoStream, [NewEvent()]);
        await Store.AppendAsync("ws1/deal/1", ExpectedVersion.NoStream, [NewEvent()]);
        await Store.AppendAsync("WS1/ticket/2", ExpectedVersion.NoStream, [NewEvent()]);
        await Store.AppendAsync("ws1_ticket/3", ExpectedVersion.NoStream, [NewEvent()]);
        var first = await Store.AppendAsync("ws1/ticket/1", 1, [NewEvent()]);

        var workspace = await Store.ReadAllAsync(0, 100, "ws1/");
        var tickets = await Store.ReadAllAsync(0, 100, "ws1/ticket/");
        var later = await Store.ReadAllAsync(first.LastPosition - 1, 100, "ws1/");

        // The prefix is literal and case-sensitive: "WS1/" and "ws1_" do not match "ws1/".
        Assert.Equal(["ws1/ticket/1", "ws1/deal/1", "ws1/ticket/1"], workspace.Select(e => e.StreamId));
        AssertStrictlyIncreasing(workspace.Select(e => e.Position));
        Assert.Equal([1L, 2L], tickets.Select(e => e.Version));
        Assert.Equal([first.LastPosition], later.Select(e => e.Position));
    }

    [Fact]
    public async Task ReadAllBackwardAsync_BeforePosition_ReturnsEarlierEventsNewestFirst()
    {
        await Store.AppendAsync("ws1/a/1", ExpectedVersion.NoStream, [NewEvent(), NewEvent()]);
        await Store.AppendAsync("ws2/a/1", ExpectedVersion.NoStream, [NewEvent()]);
        await Store.AppendAsync("ws1/b/1", ExpectedVersion.NoStream, [NewEvent()]);
        await Store.AppendAsync("ws1/a/1", 2, [NewEvent()]);
        var all = await Store.ReadAllAsync(0, 100);

        var fromHead = await Store.ReadAllBackwardAsync(long.MaxValue, 100);
        var page = await Store.ReadAllBackwardAsync(all[3].Position, 2);
        var workspace = await Store.ReadAllBackwardAsync(long.MaxValue, 100, "ws1/");
        var workspacePage = await Store.ReadAllBackwardAsync(all[3].Position, 1, "ws1/");

        Assert.Equal(all.Select(e => e.EventId).Reverse(), fromHead.Select(e => e.EventId));
        Assert.Equal([all[2].EventId, all[1].EventId], page.Select(e => e.EventId));
        Assert.Equal([all[4].Position, all[3].Position, all[1].Position, all[0].Position], workspace.Select(e => e.Position));
        // Skips ws2's event at all[2] without counting it against maxCount.
        Assert.Equal([all[1].Position], workspacePage.Select(e => e.Position));
        Assert.Empty(await Store.ReadAllBackwardAsync(all[0].Position, 100));
    }

    [Fact]
    public async Task AppendAsync_64StreamsConcurrently_AllCommittedContiguousAndBatched()
    {
        const int streams = 64;
        const int appendsPerStream = 50;

        var results = await Task.WhenAll(Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
        {
            var positions = new List<long>();
            for (var version = 0; version < appendsPerStream; version++)
            {
                var result = await Store.AppendAsync($"ws1/load/{s}", version, [NewEvent()]);
                Assert.Equal(version + 1, result.NextExpectedVersion);
                positions.Add(result.LastPosition);
            }

            return positions;
        })));

        var all = await Store.ReadAllAsync(0, 10_000);
        Assert.Equal(streams * appendsPerStream, all.Count);
        AssertStrictlyIncreasing(all.Select(e => e.Position));
        Assert.Equal(all.Select(e => e.Position).Order(), results.SelectMany(p => p).Order());
        for (var s = 0; s < streams; s++)
        {
            var stream = await Store.ReadStreamAsync($"ws1/load/{s}");
            Assert.Equal(Enumerable.Range(1, appendsPerStream).Select(v => (long)v), stream.Select(e => e.Version));
            AssertStrictlyIncreasing(stream.Select(e => e.Position));
        }

        var statistics = Statistics;
        Assert.Equal(streams * appendsPerStream, statistics.Events);
        Assert.True(
            statistics.Commits < statistics.Events / 2,
            $"group commit should carry several appends per transaction: {statistics.Events} events took {statistics.Commits} commits");
    }

    [Fact]
    public async Task AppendAsync_QueuedTogetherForSameStream_CheckedInOrder()
    {
        // Not awaited one by one, so they share group commits: each must see the version its predecessor wrote.
        var appends = Enumerable.Range(0, 20)
            .Select(version => Store.AppendAsync("ws1/queue/1", version, [NewEvent()]))
            .ToArray();
        var stale = Store.AppendAsync("ws1/queue/1", 5, [NewEvent()]);

        var results = await Task.WhenAll(appends);
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => stale);

        Assert.Equal(Enumerable.Range(1, 20).Select(v => (long)v), results.Select(r => r.NextExpectedVersion));
        Assert.Equal(20, (await Store.ReadStreamAsync("ws1/queue/1")).Count);
    }

    [Fact]
    public async Task AppendAsync_SameStreamSameExpectedVersionConcurrently_ExactlyOneWins()
    {
        await Store.AppendAsync("ws1/race/1", ExpectedVersion.NoStream, [NewEvent()]);
        var contenders = Enumerable.Range(0, 16)
            .Select(_ => Task.Run(() => Store.AppendAsync("ws1/race/1", 1, [NewEvent()])))
            .ToArray();

        try
        {
            await Task.WhenAll(contenders);
        }
        catch (WrongExpectedVersionException)
        {
            // Inspected per task below.
        }

        Assert.Equal(1, contenders.Count(t => t.IsCompletedSuccessfully));
        Assert.All(
            contenders.Where(t => !t.IsCompletedSuccessfully),
            t => Assert.Equal(2, Assert.IsType<WrongExpectedVersionException>(t.Exception!.InnerException).Actual));
        Assert.Equal([1L, 2L], (await Store.ReadStreamAsync("ws1/race/1")).Select(e => e.Version));
    }

    [Fact]
    public async Task AppendAsync_TwoStoresOnSameStorage_OneWinsEachRaceAndPositionsIncrease()
    {
        // A second store on the same file or database stands in for a second silo process: only the database's
        // locks and unique constraints coordinate the two.
        var other = OpenStore();
        try
        {
            var stores = new[] { Store, other };
            var wins = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
            {
                try
                {
                    await stores[i % 2].AppendAsync($"ws1/shared/{i / 2}", ExpectedVersion.NoStream, [NewEvent()]);
                    return 1;
                }
                catch (WrongExpectedVersionException)
                {
                    return 0;
                }
            })));

            Assert.Equal(100, wins.Sum());
            var all = await Store.ReadAllAsync(0, 1_000);
            Assert.Equal(100, all.Count);
            AssertStrictlyIncreasing(all.Select(e => e.Position));
            Assert.All(all, e => Assert.Equal(1, e.Version));
        }
        finally
        {
            await ((IAsyncDisposable)other).DisposeAsync();
        }
    }

    [Fact]
    public async Task DisposeAsync_ThenReopen_CommittedEventsSurvive()
    {
        var written = new[] { NewEvent(), NewEvent() };
        var result = await Store.AppendAsync("ws1/durable/1", ExpectedVersion.NoStream, written);

        await CloseStoreAsync();
        store = OpenStore();

        var stored = await Store.ReadStreamAsync("ws1/durable/1");
        Assert.Equal(written.Select(e => e.EventId), stored.Select(e => e.EventId));
        Assert.Equal(result.LastPosition, await Store.GetHeadPositionAsync());
        var next = await Store.AppendAsync("ws1/durable/1", 2, [NewEvent()]);
        Assert.Equal(3, next.NextExpectedVersion);
        Assert.True(next.LastPosition > result.LastPosition);
    }

    [Fact]
    public async Task DisposeAsync_WithAppendsQueued_CommitsThemBeforeClosing()
    {
        var pending = Enumerable.Range(0, 100)
            .Select(i => Store.AppendAsync($"ws1/drain/{i}", ExpectedVersion.NoStream, [NewEvent()]))
            .ToArray();

        await CloseStoreAsync();
        await Task.WhenAll(pending);
        store = OpenStore();

        Assert.Equal(100, (await Store.ReadAllAsync(0, 1_000)).Count);
    }

    /// <summary>Creates this test's empty storage.</summary>
    protected abstract Task CreateStorageAsync();

    /// <summary>Opens a store on this test's storage; called again after a close to check durability.</summary>
    protected abstract IEventStore OpenStore();

    protected abstract Task DeleteStorageAsync();

    /// <summary>Group-commit counters of the open store.</summary>
    protected abstract GroupCommitStatistics Statistics { get; }

    protected static EventData NewEvent(string type = "SomethingHappened", string data = "{}") =>
        new(Guid.NewGuid(), type, data, "agent:7", Time);

    private async Task CloseStoreAsync()
    {
        if (store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        store = null;
    }

    private static void AssertStrictlyIncreasing(IEnumerable<long> values)
    {
        var list = values.ToList();
        for (var i = 1; i < list.Count; i++)
        {
            Assert.True(list[i - 1] < list[i], $"values must strictly increase, but item {i} is {list[i]} after {list[i - 1]}");
        }
    }
}
