namespace Crm.Grains.Abstractions.Pipelines;

/// <summary>
/// Adds or replaces a pipeline. It needs at least one open stage, one won and one lost; stage ids are unique and
/// probabilities 0–100 (won is 100, lost 0).
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.pipelines.define-pipeline")]
public sealed record DefinePipeline(string PipelineId, string Name, IReadOnlyList<PipelineStage> Stages, string Actor);
