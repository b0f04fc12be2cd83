using Crm.Grains.EventSourcing;

namespace Crm.Grains.Deals.Events;

[GenerateSerializer, Alias("crm.deals.deal-updated.v1")]
public sealed record DealUpdated(
    string Title, decimal Amount, string Currency, DateOnly? ExpectedClose, string? OwnerId, IReadOnlyList<string> ContactIds, string? CompanyId) : DomainEvent;
