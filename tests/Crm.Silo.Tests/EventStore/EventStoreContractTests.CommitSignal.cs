using Crm.Grains.Abstractions.EventStore;
using Crm.Silo.Infrastructure.EventStore;
using Xunit;

namespace Crm.Silo.Tests.EventStore;

/// <summary>The commit signal: readers wait on it instead of polling, and a commit releases them.</summary>
public abstract partial class EventStoreContractTests
{
    /// <summary>How long a released waiter may take to notice; a deadline, not a pause.</summary>
    private static readonly TimeSpan SignalDeadline = TimeSpan.FromSeconds(10);

    /// <summary>Whether another process's commits wake this store's waiters by themselves (PostgreSQL), or only its reads do.</summary>
    protected abstract bool SignalsOtherProcesses { get; }

    [Fact]
    public async Task CommitSignal_WaiterPastTheHead_ReleasedByTheNextCommit()
    {
        var signal = SignalOf(Store);
        var first = await Store.AppendAsync("ws1/conversation/1", ExpectedVersion.NoStream, [NewEvent()]);
        Assert.Equal(first.LastPosition, signal.Head);
        Assert.True(signal.WaitForCommitAsync(first.LastPosition - 1, CancellationToken.None).IsCompletedSuccessfully, "a commit past the position is already known");

        var waiter = signal.WaitForCommitAsync(first.LastPosition, CancellationToken.None);
        Assert.False(waiter.IsCompleted, "nothing past the head is committed yet");
        var second = await Store.AppendAsync("ws1/conversation/1", 1, [NewEvent()]);

        await waiter.WaitAsync(SignalDeadline);
        Assert.Equal(second.LastPosition, signal.Head);
    }

    [Fact]
    public async Task CommitSignal_WaitCancelled_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        var waiter = SignalOf(Store).WaitForCommitAsync(long.MaxValue - 1, cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.WaitAsync(SignalDeadline));
    }

    [Fact]
    public async Task CommitSignal_DuplicateAppendWritesNothing_WaiterStaysWaiting()
    {
        var events = new[] { NewEvent() };
        var first = await Store.AppendAsync("ws1/conversation/1", ExpectedVersion.NoStream, events);
        var waiter = SignalOf(Store).WaitForCommitAsync(first.LastPosition, CancellationToken.None);

        await Store.AppendAsync("ws1/conversation/1", ExpectedVersion.NoStream, events);

        Assert.False(waiter.IsCompleted, "a duplicate commits nothing new");
    }

    [Fact]
    public async Task CommitSignal_AnotherStoreOnTheSameStorageCommits_WaiterReleased()
    {
        // A second store on the same file or database stands in for another silo process.
        await using var other = (IAsyncDisposable)OpenStore();
        var otherStore = (IEventStore)other;
        var head = await Store.GetHeadPositionAsync();
        await Store.ReadAsync(EventFilter.All, 0, 1);
        var waiter = SignalOf(Store).WaitForCommitAsync(head, CancellationToken.None);

        var written = await otherStore.AppendAsync("ws1/conversation/other", ExpectedVersion.NoStream, [NewEvent()]);

        if (!SignalsOtherProcesses)
        {
            // SQLite has no notification across processes: the waiter's own backstop read is what sees the commit.
            Assert.False(waiter.IsCompleted, "nothing tells this process of another's commit until it reads");
            await Store.ReadAsync(EventFilter.All, head, 10);
        }

        await waiter.WaitAsync(SignalDeadline);
        Assert.True(SignalOf(Store).Head >= written.LastPosition);
    }

    protected static ICommitSignal SignalOf(IEventStore store) => store switch
    {
        SqliteEventStore sqlite => sqlite.CommitSignal,
        PostgresEventStore postgres => postgres.CommitSignal,
        _ => throw new InvalidOperationException($"No commit signal on {store.GetType().Name}."),
    };
}
