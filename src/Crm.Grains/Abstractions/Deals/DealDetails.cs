using Crm.Grains.Abstractions.Pipelines;

namespace Crm.Grains.Abstractions.Deals;

/// <summary>A deal as the board, the list and the forecast show it.</summary>
/// <param name="Probability">The stage's probability (0–100 %) when the deal entered it.</param>
/// <param name="Reason">Why it was won or lost, once closed.</param>
/// <param name="StageEnteredAt">When it entered its current stage: days in stage count from here.</param>
[GenerateSerializer, Immutable, Alias("crm.deals.deal-details")]
public sealed record DealDetails(
    string WorkspaceId,
    string DealId,
    string Title,
    string PipelineId,
    string StageId,
    string StageName,
    int Probability,
    StageOutcome Outcome,
    string? Reason,
    decimal Amount,
    string Currency,
    DateOnly? ExpectedClose,
    string? OwnerId,
    IReadOnlyList<string> ContactIds,
    string? CompanyId,
    DateTimeOffset CreatedAt,
    DateTimeOffset StageEnteredAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    /// <summary>Amount × probability: what the forecast counts.</summary>
    public decimal Weighted => Math.Round(Amount * Probability / 100m, 2);

    public int DaysInStage(DateTimeOffset now) => Math.Max(0, (int)(now - StageEnteredAt).TotalDays);
}
