namespace Crm.Grains.Abstractions.Deals;

/// <summary>
/// Moves a deal to another stage of its pipeline; a won or lost stage needs a <paramref name="Reason"/>. With
/// <paramref name="AsOwner"/>, refused unless that agent owns the deal (a sales rep moves only their own).
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.deals.move-deal")]
public sealed record MoveDeal(string StageId, string? Reason, string Actor, string? AsOwner = null);
