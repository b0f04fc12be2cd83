namespace Crm.Grains.Abstractions.FollowUps;

/// <summary>Which follow-ups: by owner, customer, deal; due before a time; done ones only when asked.</summary>
[GenerateSerializer, Immutable, Alias("crm.follow-ups.follow-up-query")]
public sealed record FollowUpQuery(
    string? OwnerId = null,
    string? CustomerId = null,
    string? DealId = null,
    DateTimeOffset? DueBefore = null,
    bool IncludeDone = false)
{
    public static FollowUpQuery ForCustomer(string customerId) => new(CustomerId: customerId);
}
