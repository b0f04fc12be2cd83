using Crm.Web.Identity;
using Crm.Web.Services;
using Crm.Web.Services.Bulk;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Crm.Web.Components.Lists;

/// <summary>
/// What the customers' and the deals' bulk bars share: the selection (picked ids or all matching the filter), the
/// workspace's people for "assign owner", and running an action with its counts (or refusal) shown, then a reload.
/// </summary>
public abstract class BulkBarBase : ComponentBase
{
    protected IReadOnlyList<AgentSummary> People { get; private set; } = [];

    protected string? Owner { get; set; }

    protected bool Busy { get; private set; }

    [Parameter, EditorRequired] public IReadOnlyList<string> SelectedIds { get; set; } = [];
    [Parameter] public bool AllMatching { get; set; }

    /// <summary>The list's filter, for "all matching".</summary>
    [Parameter] public IReadOnlyDictionary<string, string> Filter { get; set; } = new Dictionary<string, string>();

    /// <summary>Raised after an action, so the page reloads its rows.</summary>
    [Parameter] public EventCallback OnDone { get; set; }

    [Inject] private AgentDirectory Directory { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (await UserAsync() is not { } user) return;
        People = await Directory.ListAsync(user.WorkspaceId);
        await LoadAsync(user);
    }

    /// <summary>Anything else the bar offers (a pipeline's stages).</summary>
    protected virtual Task LoadAsync(WorkspaceUser user) => Task.CompletedTask;

    protected async Task RunAsync(Func<WorkspaceUser, BulkSelection, Task<BulkResult>> action)
    {
        if (await UserAsync() is not { } user) return;
        Busy = true;
        await BulkActionRun.RunAsync(Snackbar, () => action(user, BulkActionRun.Selection(AllMatching, SelectedIds, Filter)), OnDone);
        Busy = false;
    }

    private async Task<WorkspaceUser?> UserAsync() => WorkspaceUser.From((await AuthenticationState).User);
}
