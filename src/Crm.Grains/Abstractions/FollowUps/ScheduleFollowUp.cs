namespace Crm.Grains.Abstractions.FollowUps;

/// <summary>Creates a follow-up; <paramref name="RemindAt"/> defaults to the due time and may not be after it. A retry with the same id and fields is a no-op.</summary>
[GenerateSerializer, Immutable, Alias("crm.follow-ups.schedule-follow-up")]
public sealed record ScheduleFollowUp(
    string Title,
    DateTimeOffset DueAt,
    DateTimeOffset? RemindAt,
    string OwnerId,
    string? CustomerId,
    string? DealId,
    string? CompanyId,
    string Actor);
