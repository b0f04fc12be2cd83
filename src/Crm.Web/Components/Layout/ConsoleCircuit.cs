using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Crm.Web.Components.Layout;

/// <summary>
/// Whether this console circuit's browser is connected right now. A Blazor Server circuit outlives its tab for minutes
/// (it waits for a reconnect), so a heartbeat loop running on the server must ask this, or a closed tab would keep the
/// agent online long after they left.
/// </summary>
public sealed class ConsoleCircuit : CircuitHandler
{
    public bool IsConnected { get; private set; } = true;

    /// <summary>Raised with the new state when the browser drops or comes back.</summary>
    public event Func<bool, Task>? ConnectionChanged;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => SetAsync(true);

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => SetAsync(false);

    private Task SetAsync(bool connected)
    {
        IsConnected = connected;
        return ConnectionChanged?.Invoke(connected) ?? Task.CompletedTask;
    }
}
