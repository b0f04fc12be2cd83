namespace Crm.Grains.Abstractions.EventStore;

/// <summary>An event about to be appended: its id (for idempotency), its stable type name, JSON payload, actor and time.</summary>
public sealed record EventData(Guid EventId, string Type, string Data, string Actor, DateTimeOffset Timestamp);
