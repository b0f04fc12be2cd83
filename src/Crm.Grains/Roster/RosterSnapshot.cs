using Crm.Grains.Abstractions.Roster;

namespace Crm.Grains.Roster;

/// <summary>The roster as saved: every agent's entry.</summary>
[GenerateSerializer, Alias("crm.roster.snapshot")]
public sealed record RosterSnapshot([property: Id(0)] Dictionary<string, RosterEntry> Agents);
