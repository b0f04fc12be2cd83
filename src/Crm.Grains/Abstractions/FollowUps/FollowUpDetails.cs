namespace Crm.Grains.Abstractions.FollowUps;

/// <summary>A follow-up task: who does what by when, about which customer, deal or company.</summary>
/// <param name="RemindAt">When the owner's console pops the reminder up (by default the due time).</param>
/// <param name="RemindedAt">When the reminder was delivered; null while it is still ahead.</param>
[GenerateSerializer, Immutable, Alias("crm.follow-ups.follow-up-details")]
public sealed record FollowUpDetails(
    string WorkspaceId,
    string FollowUpId,
    string Title,
    DateTimeOffset DueAt,
    DateTimeOffset RemindAt,
    string OwnerId,
    string? CustomerId,
    string? DealId,
    string? CompanyId,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? CompletedAt,
    string? CompletedBy);
