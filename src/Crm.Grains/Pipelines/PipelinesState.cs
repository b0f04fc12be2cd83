using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.EventSourcing;
using Crm.Grains.Pipelines.Events;

namespace Crm.Grains.Pipelines;

public sealed class PipelinesState : IEventSourcedState
{
    public List<PipelineDefinition> Pipelines { get; } = [];

    public void Apply(DomainEvent @event)
    {
        if (@event is not PipelineDefined e) return;
        var index = Pipelines.FindIndex(p => p.PipelineId == e.PipelineId);
        var pipeline = new PipelineDefinition(e.PipelineId, e.Name, e.Stages);
        if (index >= 0) Pipelines[index] = pipeline;
        else Pipelines.Add(pipeline);
    }
}
