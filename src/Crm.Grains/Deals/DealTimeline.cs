using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Deals.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Deals;

/// <summary>A deal's events as entries of its contacts' timelines.</summary>
internal static class DealTimeline
{
    public static TimelineEntry? Describe(DomainEvent @event, DealDetails deal) => @event switch
    {
        DealCreated e => new(e.At, TimelineKinds.Deal, $"Deal opened: {e.Title}", $"{e.Amount:0.##} {e.Currency}, {e.StageName}", e.By, deal.DealId),
        DealStageChanged e => new(e.At, TimelineKinds.Deal, $"Deal {deal.Title} moved to {e.StageName}", e.Reason, e.By, deal.DealId),
        _ => null,
    };
}
