using Crm.Grains.Abstractions.Pipelines;
using Crm.Web.Identity;
using Crm.Web.Services;
using Crm.Web.Services.Bulk;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Crm.Web.Components.Lists;

/// <summary>The deals list's bulk actions: assign an owner, move to a stage (open stages only: a close needs a reason per deal).</summary>
public sealed partial class DealBulkBar
{
    private IReadOnlyList<AgentSummary> _people = [];
    private IReadOnlyList<PipelineStage> _stages = [];
    private string? _owner, _stage;
    private bool _busy;

    [Parameter, EditorRequired] public IReadOnlyList<string> SelectedIds { get; set; } = [];
    [Parameter] public bool AllMatching { get; set; }
    [Parameter] public IReadOnlyDictionary<string, string> Filter { get; set; } = new Dictionary<string, string>();
    [Parameter] public EventCallback OnDone { get; set; }

    [Inject] private DealBulkService Bulk { get; set; } = default!;
    [Inject] private DealService Deals { get; set; } = default!;
    [Inject] private AgentDirectory People { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (await UserAsync() is not { } user) return;
        _people = await People.ListAsync(user.WorkspaceId);
        _stages = (await Deals.PipelinesAsync(user)).SelectMany(p => p.Stages).Where(s => s.Outcome == StageOutcome.Open)
            .DistinctBy(s => s.StageId).ToList();
    }

    private Task AssignAsync() => RunAsync((user, selection) => Bulk.AssignOwnerAsync(user, selection, _owner));

    private Task MoveAsync() => RunAsync((user, selection) => Bulk.MoveStageAsync(user, selection, _stage, null));

    private async Task RunAsync(Func<WorkspaceUser, BulkSelection, Task<BulkResult>> action)
    {
        if (await UserAsync() is not { } user) return;
        _busy = true;
        await BulkActionRun.RunAsync(Snackbar, () => action(user, BulkActionRun.Selection(AllMatching, SelectedIds, Filter)), OnDone);
        _busy = false;
    }

    private async Task<WorkspaceUser?> UserAsync() => WorkspaceUser.From((await AuthenticationState).User);
}
