namespace Crm.Grains.Abstractions.FollowUps;

/// <summary>A customer merge moves the follow-up from the duplicate to the survivor; a no-op when it is about someone else.</summary>
[GenerateSerializer, Immutable, Alias("crm.follow-ups.relink-follow-up")]
public sealed record RelinkFollowUp(string OldCustomerId, string NewCustomerId, string Actor);
