using Crm.Web.Identity;
using Crm.Web.Services;
using Crm.Web.Services.Bulk;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Crm.Web.Components.Lists;

/// <summary>The customers list's bulk actions on the selected rows (or all matching the filter), through the same service as the API.</summary>
public sealed partial class CustomerBulkBar
{
    private IReadOnlyList<AgentSummary> _people = [];
    private string? _owner, _tag;
    private bool _busy;

    [Parameter, EditorRequired] public IReadOnlyList<string> SelectedIds { get; set; } = [];
    [Parameter] public bool AllMatching { get; set; }

    /// <summary>The list's filter, for "all matching".</summary>
    [Parameter] public IReadOnlyDictionary<string, string> Filter { get; set; } = new Dictionary<string, string>();

    /// <summary>Raised after an action, so the page reloads its rows.</summary>
    [Parameter] public EventCallback OnDone { get; set; }

    [Inject] private CustomerBulkService Bulk { get; set; } = default!;
    [Inject] private AgentDirectory People { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (await UserAsync() is { } user) _people = await People.ListAsync(user.WorkspaceId);
    }

    private Task AssignAsync() => RunAsync((user, selection) => Bulk.AssignOwnerAsync(user, selection, _owner));

    private Task TagAsync(bool add) => RunAsync((user, selection) => Bulk.TagAsync(user, selection, _tag, add));

    private Task AddToPipelineAsync() => RunAsync((user, selection) => Bulk.AddToPipelineAsync(user, selection, null, null, null));

    private async Task RunAsync(Func<WorkspaceUser, BulkSelection, Task<BulkResult>> action)
    {
        if (await UserAsync() is not { } user) return;
        _busy = true;
        await BulkActionRun.RunAsync(Snackbar, () => action(user, BulkActionRun.Selection(AllMatching, SelectedIds, Filter)), OnDone);
        _busy = false;
    }

    private async Task<WorkspaceUser?> UserAsync() => WorkspaceUser.From((await AuthenticationState).User);
}
