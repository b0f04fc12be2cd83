using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers.Events;

/// <summary>The agent who owns the relationship (null: nobody).</summary>
[GenerateSerializer, Alias("crm.customers.customer-owner-changed.v1")]
public sealed record CustomerOwnerChanged(string? OwnerId) : DomainEvent;
