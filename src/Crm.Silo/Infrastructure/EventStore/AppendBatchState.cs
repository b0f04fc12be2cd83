namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// What a write transaction sees, under its lock, about the streams, event ids and workspaces of one batch.
/// The group committer updates the maps as it decides each append, so later appends in the same batch see earlier ones.
/// <see cref="ChainHeads"/> holds the last audit-chain hash of each workspace (absent = the workspace's chain has not begun).
/// </summary>
internal sealed record AppendBatchState(
    Dictionary<string, long> StreamVersions,
    Dictionary<Guid, ExistingEvent> Events,
    Dictionary<string, string> ChainHeads);
