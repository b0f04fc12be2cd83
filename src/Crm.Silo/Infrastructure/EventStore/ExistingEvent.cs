namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>Where an already stored event id lives; what the idempotency check needs.</summary>
internal sealed record ExistingEvent(string StreamId, long Version, long Position);
