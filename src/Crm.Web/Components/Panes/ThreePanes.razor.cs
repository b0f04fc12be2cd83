using Crm.Grains.Abstractions.Preferences;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace Crm.Web.Components.Panes;

/// <summary>
/// The conversation page's three panes, sized and folded as the signed-in user left them (stored with their
/// preferences, so a reload or another device brings them back). Widths are CSS variables on the grid; a pointer drag
/// moves them live in the browser (js/panes.js) and is stored when it ends.
/// </summary>
public sealed partial class ThreePanes : IAsyncDisposable
{
    private PaneLayout _layout = PaneLayout.Default;
    private WorkspaceUser? _user;
    private ElementReference _container;
    private IJSObjectReference? _module;
    private DotNetObjectReference<ThreePanes>? _self;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private PreferencesService Preferences { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    [Parameter] public RenderFragment? List { get; set; }
    [Parameter] public RenderFragment? Thread { get; set; }
    [Parameter] public RenderFragment? Context { get; set; }

    /// <summary>After each change of the layout, so the page can repaint its own fold toggles.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    public bool ListFolded => _layout.ListFolded;

    public bool ContextFolded => _layout.ContextFolded;

    private string Class => "crm-panes crm-panes--open crm-panes--sized"
        + (_layout.ListFolded ? " crm-panes--no-list" : "") + (_layout.ContextFolded ? " crm-panes--no-context" : "");

    private string Style => $"--crm-list-col: {(_layout.ListFolded ? 0 : _layout.ListWidth)}px; --crm-context-col: {(_layout.ContextFolded ? 0 : _layout.ContextWidth)}px;";

    protected override async Task OnInitializedAsync()
    {
        _user = WorkspaceUser.From((await AuthenticationState).User);
        if (_user is not null) _layout = await Preferences.GetLayoutAsync(_user);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        try
        {
            _self = DotNetObjectReference.Create(this);
            _module = await Js.InvokeAsync<IJSObjectReference>("import", "./js/panes.js");
            await _module.InvokeVoidAsync("attach", _container, _self);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    public Task FoldListAsync(bool folded) => SaveAsync(_layout with { ListFolded = folded });

    public Task FoldContextAsync(bool folded) => SaveAsync(_layout with { ContextFolded = folded });

    /// <summary>A pointer drag ended at <paramref name="width"/> pixels ("start": the list, "end": the context).</summary>
    [JSInvokable]
    public Task DraggedAsync(string side, int width) => SaveAsync(side == "start"
        ? _layout with { ListWidth = Math.Clamp(width, PaneLayout.MinWidth, PaneLayout.MaxListWidth), ListFolded = false }
        : _layout with { ContextWidth = Math.Clamp(width, PaneLayout.MinWidth, PaneLayout.MaxContextWidth), ContextFolded = false });

    private async Task SaveAsync(PaneLayout layout)
    {
        _layout = layout;
        StateHasChanged();
        await OnChanged.InvokeAsync();
        if (_user is not null) _layout = await Preferences.SetLayoutAsync(_user, layout);
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
        _self?.Dispose();
    }
}
