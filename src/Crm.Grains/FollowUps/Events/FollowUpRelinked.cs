using Crm.Grains.EventSourcing;

namespace Crm.Grains.FollowUps.Events;

[GenerateSerializer, Alias("crm.follow-ups.follow-up-relinked.v1")]
public sealed record FollowUpRelinked(string OldCustomerId, string NewCustomerId) : DomainEvent;
