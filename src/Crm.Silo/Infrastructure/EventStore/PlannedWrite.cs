using Crm.Grains.Abstractions.EventStore;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>
/// An append the group committer decided to write: its events at versions <see cref="FirstVersion"/> onwards, at the
/// positions reserved for them, each with its audit-chain link (<see cref="PrevHashes"/>) and hash. <see cref="Columns"/>
/// are the stream's workspace and category, derived once per append.
/// </summary>
internal sealed record PlannedWrite(string StreamId, StreamColumns Columns, long FirstVersion, EventData[] Events, long[] Positions, string[] PrevHashes, string[] Hashes);
