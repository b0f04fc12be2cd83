namespace Crm.Grains.Abstractions.EventStore;

/// <summary>A committed event: its stream version (1-based) and its global position (1-based, increasing in commit order).</summary>
public sealed record StoredEvent(
    string StreamId,
    long Version,
    long Position,
    Guid EventId,
    string Type,
    string Data,
    string Actor,
    DateTimeOffset Timestamp);
