namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// What a write transaction sees, under its lock, about the streams and event ids of one batch.
/// The group committer updates both maps as it decides each append, so later appends in the same batch see earlier ones.
/// </summary>
internal sealed record AppendBatchState(Dictionary<string, long> StreamVersions, Dictionary<Guid, ExistingEvent> Events);
