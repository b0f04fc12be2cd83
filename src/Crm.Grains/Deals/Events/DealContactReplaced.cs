using Crm.Grains.EventSourcing;

namespace Crm.Grains.Deals.Events;

/// <summary>A customer merge moved the deal from the duplicate to the surviving customer.</summary>
[GenerateSerializer, Alias("crm.deals.deal-contact-replaced.v1")]
public sealed record DealContactReplaced(string OldCustomerId, string NewCustomerId) : DomainEvent;
