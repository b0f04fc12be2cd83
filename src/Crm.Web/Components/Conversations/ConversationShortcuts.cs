using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Crm.Web.Components.Conversations;

/// <summary>
/// Single-key shortcuts on an open conversation, for what an agent does most: r reply, n internal note, e resolve,
/// u back to the inbox, j / k the next or previous conversation of the list. Like the inbox's, they are ignored while typing in a field (Esc leaves the reply box).
/// Renders nothing; the page decides what each action does.
/// </summary>
public sealed class ConversationShortcuts : ComponentBase, IAsyncDisposable
{
    private IAsyncDisposable? _registration;

    [Parameter] public EventCallback OnReply { get; set; }
    [Parameter] public EventCallback OnNote { get; set; }
    [Parameter] public EventCallback OnResolve { get; set; }
    [Parameter] public EventCallback OnBack { get; set; }
    [Parameter] public EventCallback OnNext { get; set; }
    [Parameter] public EventCallback OnPrevious { get; set; }

    [Inject] private IJSRuntime Js { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender) _registration = await Shortcuts.RegisterAsync(Js, this);
    }

    [JSInvokable]
    public Task OnShortcut(string key) => InvokeAsync(() => key switch
    {
        "r" => OnReply.InvokeAsync(),
        "n" => OnNote.InvokeAsync(),
        "e" => OnResolve.InvokeAsync(),
        "u" => OnBack.InvokeAsync(),
        "j" => OnNext.InvokeAsync(),
        "k" => OnPrevious.InvokeAsync(),
        _ => Task.CompletedTask,
    });

    public async ValueTask DisposeAsync()
    {
        if (_registration is not null) await _registration.DisposeAsync();
    }
}
