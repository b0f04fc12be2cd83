using Crm.Grains.Abstractions.Pipelines;
using Crm.Web.Identity;
using Crm.Web.Services;
using Crm.Web.Services.Bulk;
using Microsoft.AspNetCore.Components;

namespace Crm.Web.Components.Lists;

/// <summary>The deals list's bulk actions: assign an owner, move to a stage (open stages only: a close needs a reason per deal).</summary>
public sealed partial class DealBulkBar
{
    private IReadOnlyList<PipelineStage> _stages = [];
    private string? _stage;

    [Inject] private DealBulkService Bulk { get; set; } = default!;
    [Inject] private DealService Deals { get; set; } = default!;

    protected override async Task LoadAsync(WorkspaceUser user) =>
        _stages = (await Deals.PipelinesAsync(user)).SelectMany(p => p.Stages).Where(s => s.Outcome == StageOutcome.Open)
            .DistinctBy(s => s.StageId).ToList();

    private Task AssignAsync() => RunAsync((user, selection) => Bulk.AssignOwnerAsync(user, selection, Owner));

    private Task MoveAsync() => RunAsync((user, selection) => Bulk.MoveStageAsync(user, selection, _stage, null));
}
