namespace Crm.Grains.Abstractions.EventStore;

/// <summary>Optimistic concurrency: the stream is not at the version the writer folded its state from.</summary>
public sealed class WrongExpectedVersionException(string streamId, long expected, long actual)
    : Exception($"Stream '{streamId}' is at version {actual}, not the expected {expected}.")
{
    public string StreamId { get; } = streamId;
    public long Expected { get; } = expected;
    public long Actual { get; } = actual;
}
