using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Pipelines;

namespace Crm.Web.Services;

/// <summary>One stage of a board and its deals, most recently changed first.</summary>
public sealed record DealColumn(PipelineStage Stage, IReadOnlyList<DealDetails> Deals)
{
    public decimal Weighted => Deals.Sum(d => d.Weighted);
}
