using Crm.Grains.Abstractions.EventStore;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// The store's <see cref="ICommitSignal"/>: a head that only moves up and one promise per advance, swapped by whoever
/// advances it. The group committer advances it once per durable commit (not per event: nothing per message), reads
/// advance it with the head they saw, and on PostgreSQL the commit listener advances it for other silos' commits.
/// </summary>
/// <remarks>
/// On SQLite several processes may share one file (deploy/local-cluster.sh) and nothing tells this process of another's
/// commits until one of its own reads sees them: readers keep a slow backstop poll besides waiting here.
/// </remarks>
public sealed class CommitSignal : ICommitSignal
{
    private long head;
    private TaskCompletionSource advanced = NewPromise();

    public long Head => Volatile.Read(ref head);

    public Task WaitForCommitAsync(long afterPosition, CancellationToken cancellationToken)
    {
        // The promise is taken before the head is checked: an advance in between has already set the head (seen below)
        // or has not yet swapped the promise (so it will complete this one).
        var promise = Volatile.Read(ref advanced);
        if (Head > afterPosition)
        {
            return Task.CompletedTask;
        }

        return cancellationToken.IsCancellationRequested
            ? Task.FromCanceled(cancellationToken)
            : WaitAsync(promise, afterPosition, cancellationToken);
    }

    /// <summary>Records that everything up to <paramref name="position"/> is committed; wakes waiters when the head moves.</summary>
    public void Advance(long position)
    {
        var seen = Volatile.Read(ref head);
        while (position > seen)
        {
            var previous = Interlocked.CompareExchange(ref head, position, seen);
            if (previous == seen)
            {
                Interlocked.Exchange(ref advanced, NewPromise()).TrySetResult();
                return;
            }

            seen = previous;
        }
    }

    private async Task WaitAsync(TaskCompletionSource promise, long afterPosition, CancellationToken cancellationToken)
    {
        while (true)
        {
            await promise.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            promise = Volatile.Read(ref advanced);
            if (Head > afterPosition)
            {
                return;
            }
        }
    }

    // Waiters resume on the thread pool, never inside the committer's loop.
    private static TaskCompletionSource NewPromise() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
