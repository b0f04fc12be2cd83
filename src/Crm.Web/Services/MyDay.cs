using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.FollowUps;

namespace Crm.Web.Services;

/// <summary>A sales rep's day: follow-ups overdue and due today (UTC), deals idle too long in their stage, and open deals past their close date.</summary>
public sealed record MyDay(
    IReadOnlyList<FollowUpDetails> Overdue,
    IReadOnlyList<FollowUpDetails> Today,
    IReadOnlyList<DealDetails> IdleDeals,
    IReadOnlyList<DealDetails> PastCloseDate,
    int IdleDays);
