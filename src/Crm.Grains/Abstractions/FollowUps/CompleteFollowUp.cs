namespace Crm.Grains.Abstractions.FollowUps;

/// <summary>Marks the follow-up done (idempotent); with <paramref name="AsOwner"/>, only its owner may.</summary>
[GenerateSerializer, Immutable, Alias("crm.follow-ups.complete-follow-up")]
public sealed record CompleteFollowUp(string Actor, string? AsOwner = null);
