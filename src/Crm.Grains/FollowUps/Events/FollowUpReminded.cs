using Crm.Grains.EventSourcing;

namespace Crm.Grains.FollowUps.Events;

[GenerateSerializer, Alias("crm.follow-ups.follow-up-reminded.v1")]
public sealed record FollowUpReminded(DateTimeOffset RemindAt) : DomainEvent;
