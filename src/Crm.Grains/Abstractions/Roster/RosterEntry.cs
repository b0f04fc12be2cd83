using Crm.Grains.Abstractions.Agents;

namespace Crm.Grains.Abstractions.Roster;

/// <summary>One agent's status as of <paramref name="Version"/> of their stream (a later version always wins).</summary>
[GenerateSerializer, Immutable, Alias("crm.roster.entry")]
public sealed record RosterEntry(string AgentId, AgentStatus Status, long Version);
