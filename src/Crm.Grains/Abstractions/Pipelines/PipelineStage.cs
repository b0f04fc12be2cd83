namespace Crm.Grains.Abstractions.Pipelines;

/// <summary>A stage of a pipeline; <paramref name="Probability"/> (0–100 %) weighs the forecast.</summary>
[GenerateSerializer, Immutable, Alias("crm.pipelines.stage")]
public sealed record PipelineStage(string StageId, string Name, int Probability, StageOutcome Outcome);
