namespace Crm.Grains.Abstractions.Pipelines;

/// <summary>A workspace's sales pipelines (key: the workspace id). Until an admin defines one, the default "sales" pipeline applies.</summary>
public interface IPipelinesGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<PipelineDefinition>> DefineAsync(DefinePipeline command);

    Task<IReadOnlyList<PipelineDefinition>> GetAllAsync();

    /// <summary>Invalid (as a deal naming it is) for a pipeline the workspace does not have.</summary>
    Task<PipelineDefinition> GetAsync(string pipelineId);
}
