using Crm.Grains.EventSourcing;

namespace Crm.Grains.FollowUps.Events;

[GenerateSerializer, Alias("crm.follow-ups.follow-up-completed.v1")]
public sealed record FollowUpCompleted : DomainEvent;
