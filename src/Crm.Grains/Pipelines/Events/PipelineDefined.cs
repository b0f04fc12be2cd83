using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Pipelines.Events;

[GenerateSerializer, Alias("crm.pipelines.pipeline-defined.v1")]
public sealed record PipelineDefined(string PipelineId, string Name, IReadOnlyList<PipelineStage> Stages) : DomainEvent;
