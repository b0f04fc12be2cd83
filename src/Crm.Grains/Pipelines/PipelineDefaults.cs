using Crm.Grains.Abstractions.Pipelines;

namespace Crm.Grains.Pipelines;

/// <summary>The pipeline every workspace has until an admin defines its own.</summary>
public static class PipelineDefaults
{
    public const string SalesId = "sales";

    public static PipelineDefinition Sales { get; } = new(SalesId, "Sales",
    [
        new("lead", "Lead", 10, StageOutcome.Open),
        new("qualified", "Qualified", 25, StageOutcome.Open),
        new("proposal", "Proposal", 50, StageOutcome.Open),
        new("negotiation", "Negotiation", 75, StageOutcome.Open),
        new("won", "Won", 100, StageOutcome.Won),
        new("lost", "Lost", 0, StageOutcome.Lost),
    ]);
}
