using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.EventSourcing;
using Crm.Grains.Pipelines.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Pipelines;

public sealed class PipelinesGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<PipelinesState>(store, clock), IPipelinesGrain
{
    private const int MaxPipelines = 20;

    protected override string StreamId => StreamIds.Pipelines(this.GetPrimaryKeyString());

    public async Task<IReadOnlyList<PipelineDefinition>> DefineAsync(DefinePipeline command)
    {
        var pipeline = PipelineRules.Require(command);
        var current = All().FirstOrDefault(p => p.PipelineId == pipeline.PipelineId);
        if (current is null && State.Pipelines.Count >= MaxPipelines)
            throw new DomainException(DomainErrorKind.Invalid, $"A workspace has at most {MaxPipelines} pipelines.");
        if (current is null || current.Name != pipeline.Name || !current.Stages.SequenceEqual(pipeline.Stages))
            await RaiseAsync(command.Actor, new PipelineDefined(pipeline.PipelineId, pipeline.Name, pipeline.Stages));
        return All();
    }

    public Task<IReadOnlyList<PipelineDefinition>> GetAllAsync() => Task.FromResult(All());

    public Task<PipelineDefinition> GetAsync(string pipelineId) =>
        Task.FromResult(All().FirstOrDefault(p => p.PipelineId == pipelineId)
            ?? throw new DomainException(DomainErrorKind.Invalid, $"There is no pipeline '{pipelineId}' in this workspace."));

    /// <summary>The defined pipelines, or the default one while none is.</summary>
    private IReadOnlyList<PipelineDefinition> All() => State.Pipelines.Count > 0 ? State.Pipelines.ToList() : [PipelineDefaults.Sales];
}
