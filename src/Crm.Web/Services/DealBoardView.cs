using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Pipelines;

namespace Crm.Web.Services;

/// <summary>A pipeline's board: each stage with its deals, in the pipeline's order.</summary>
public sealed record DealBoardView(PipelineDefinition Pipeline, IReadOnlyList<DealColumn> Columns);
