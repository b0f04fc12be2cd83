using Crm.Grains.EventSourcing;

namespace Crm.Grains.FollowUps.Events;

[GenerateSerializer, Alias("crm.follow-ups.follow-up-scheduled.v1")]
public sealed record FollowUpScheduled(string Title, DateTimeOffset DueAt, DateTimeOffset RemindAt, string OwnerId, string? CustomerId, string? DealId, string? CompanyId) : DomainEvent;
