using Crm.Grains.Abstractions.EventStore;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>One caller's append waiting in the group-commit queue, with the promise the writer loop completes.</summary>
internal sealed class PendingAppend(string streamId, long expectedVersion, EventData[] events)
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private int state = Queued;

    public string StreamId { get; } = streamId;

    public long ExpectedVersion { get; } = expectedVersion;

    public EventData[] Events { get; } = events;

    // Continuations run on the thread pool so a caller's code never runs inside the writer loop and stalls the next commit.
    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationTokenRegistration CancellationRegistration { get; set; }

    /// <summary>The writer claims the append for a batch; false when its caller already cancelled.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref state, Taken, Queued) == Queued;

    /// <summary>Cancels only while still queued: once in a batch, the caller gets the commit's outcome.</summary>
    public void TryCancel(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref state, Cancelled, Queued) == Queued)
        {
            Completion.TrySetCanceled(cancellationToken);
        }
    }
}
