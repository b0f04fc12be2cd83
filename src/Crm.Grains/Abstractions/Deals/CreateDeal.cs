namespace Crm.Grains.Abstractions.Deals;

/// <summary>Opens a deal in a stage of a pipeline. Amount ≥ 0 in an ISO 4217 currency; a retry of the same id with the same title is a no-op.</summary>
[GenerateSerializer, Immutable, Alias("crm.deals.create-deal")]
public sealed record CreateDeal(
    string Title,
    string PipelineId,
    string StageId,
    decimal Amount,
    string Currency,
    DateOnly? ExpectedClose,
    string? OwnerId,
    IReadOnlyList<string>? ContactIds,
    string? CompanyId,
    string Actor);
