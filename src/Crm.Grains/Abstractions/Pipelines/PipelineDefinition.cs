namespace Crm.Grains.Abstractions.Pipelines;

/// <summary>A sales pipeline: its stages in board order.</summary>
[GenerateSerializer, Immutable, Alias("crm.pipelines.definition")]
public sealed record PipelineDefinition(string PipelineId, string Name, IReadOnlyList<PipelineStage> Stages)
{
    public PipelineStage? Stage(string stageId) => Stages.FirstOrDefault(s => s.StageId == stageId);
}
