namespace Crm.Silo.Infrastructure.EventStore.Schema;

/// <summary>The store was migrated by a newer build; this one refuses to start on it rather than misread or damage it.</summary>
public sealed class EventStoreSchemaTooNewException(string message) : InvalidOperationException(message);
