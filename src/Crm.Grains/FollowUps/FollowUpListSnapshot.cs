namespace Crm.Grains.FollowUps;

/// <summary>The follow-up list as saved: every follow-up's fold, by id.</summary>
[GenerateSerializer, Alias("crm.follow-ups.list-snapshot")]
public sealed record FollowUpListSnapshot([property: Id(0)] Dictionary<string, FollowUpState> FollowUps);
