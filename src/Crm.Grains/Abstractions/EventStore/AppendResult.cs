namespace Crm.Grains.Abstractions.EventStore;

/// <summary>The stream's version and the global position of the last event of the batch once committed.</summary>
/// <param name="Duplicate">True when the batch had been stored before (same event ids) and nothing was written.</param>
public sealed record AppendResult(long NextExpectedVersion, long LastPosition, bool Duplicate);
