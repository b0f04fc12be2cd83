using Microsoft.JSInterop;

namespace Crm.Web.Services;

/// <summary>Registers a page for single-key shortcuts; dispose to stop. The page implements [JSInvokable] OnShortcut(string key).</summary>
public static class Shortcuts
{
    public static async Task<IAsyncDisposable> RegisterAsync<TPage>(IJSRuntime js, TPage page) where TPage : class
    {
        var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/shortcuts.js");
        var reference = DotNetObjectReference.Create(page);
        var registration = await module.InvokeAsync<IJSObjectReference>("register", reference);
        return new Registration(module, registration, reference);
    }

    private sealed class Registration(IJSObjectReference module, IJSObjectReference registration, IDisposable reference) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await registration.InvokeVoidAsync("dispose");
                await registration.DisposeAsync();
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the page's listeners with it.
            }
            reference.Dispose();
        }
    }
}
