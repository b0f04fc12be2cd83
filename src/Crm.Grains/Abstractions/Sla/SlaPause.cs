namespace Crm.Grains.Abstractions.Sla;

/// <summary>
/// A stretch during which SLA clocks stand still: the conversation waits on the customer (pending) or is snoozed.
/// <see cref="Until"/> is null while the pause goes on.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.sla.pause")]
public sealed record SlaPause(DateTimeOffset From, DateTimeOffset? Until);
