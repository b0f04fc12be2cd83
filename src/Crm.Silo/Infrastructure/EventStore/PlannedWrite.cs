using Crm.Grains.Abstractions.EventStore;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>An append the group committer decided to write: its events at versions <see cref="FirstVersion"/> onwards.</summary>
internal sealed record PlannedWrite(string StreamId, long FirstVersion, EventData[] Events);
