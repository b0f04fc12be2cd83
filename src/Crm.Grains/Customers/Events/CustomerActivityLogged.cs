using Crm.Grains.EventSourcing;

namespace Crm.Grains.Customers.Events;

/// <summary>A note, call, meeting or email written down on the customer's timeline.</summary>
[GenerateSerializer, Alias("crm.customers.customer-activity-logged.v1")]
public sealed record CustomerActivityLogged(string ActivityId, Crm.Grains.Abstractions.Customers.ActivityKind Kind, string Text) : DomainEvent;
