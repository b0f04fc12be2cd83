namespace Crm.Grains.Abstractions.Deals;

/// <summary>Changes a deal's fields (not its stage). With <paramref name="AsOwner"/>, refused unless that agent owns the deal.</summary>
[GenerateSerializer, Immutable, Alias("crm.deals.update-deal")]
public sealed record UpdateDeal(
    string Title,
    decimal Amount,
    string Currency,
    DateOnly? ExpectedClose,
    string? OwnerId,
    IReadOnlyList<string>? ContactIds,
    string? CompanyId,
    string Actor,
    string? AsOwner = null);
