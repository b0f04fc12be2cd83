using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.SavedViews;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Crm.Web.Components.Lists;

/// <summary>
/// The views menu of a list page: pick one of the user's saved views, save what the page shows now under a name,
/// delete the picked one. The page says what "now" is (<see cref="Current"/>) and applies a picked view (<see cref="OnPick"/>).
/// </summary>
public sealed partial class SavedViewsMenu
{
    private IReadOnlyList<SavedView> _views = [];
    private string? _name;
    private string? _picked;

    /// <summary>customers, companies or deals.</summary>
    [Parameter, EditorRequired] public string List { get; set; } = "";

    /// <summary>The page's filters, sort and columns as they are: what "Save view" stores under the typed name.</summary>
    [Parameter, EditorRequired] public Func<string, SavedView> Current { get; set; } = default!;

    [Parameter] public EventCallback<SavedView> OnPick { get; set; }

    [Inject] private SavedViewService Views { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync() =>
        await RunAsync(user => Views.ListAsync(user, List));

    private async Task PickAsync(SavedView view)
    {
        (_picked, _name) = (view.Name, view.Name);
        await OnPick.InvokeAsync(view);
    }

    private async Task SaveAsync()
    {
        var name = _name?.Trim() ?? "";
        if (await RunAsync(user => Views.SaveAsync(user, List, Current(name))))
        {
            _picked = name;
            Snackbar.Add($"View '{name}' saved.", Severity.Success);
        }
    }

    private async Task DeleteAsync()
    {
        if (_picked is not { } name) return;
        if (await RunAsync(user => Views.DeleteAsync(user, List, name))) (_picked, _name) = (null, null);
    }

    // A refused save (no name, over the limits) is shown as the grain's reason, never as a broken circuit.
    private async Task<bool> RunAsync(Func<WorkspaceUser, Task<IReadOnlyList<SavedView>>> call)
    {
        if (WorkspaceUser.From((await AuthenticationState).User) is not { } user) return false;
        try
        {
            _views = await call(user);
            return true;
        }
        catch (DomainException refused)
        {
            Snackbar.Add(refused.Message, Severity.Warning);
            return false;
        }
    }
}
