using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Crm.Web.Components.Layout;

/// <summary>
/// The signed-in agent's presence, in the app bar: this console tab heartbeats its own session while its browser is
/// connected, ends it when the browser drops or the tab closes (the grain's grace absorbs a blip), and offers the
/// statuses an agent chooses. Offline is not offered: it is what having no console open means.
/// </summary>
public sealed partial class ConsolePresence : IAsyncDisposable
{
    private static readonly AgentStatus[] Choices = [AgentStatus.Online, AgentStatus.Away, AgentStatus.Busy];

    private readonly string _sessionId = $"console-{Guid.NewGuid():N}";
    private readonly CancellationTokenSource _closing = new();
    private WorkspaceUser? _user;
    private AgentDetails? _details;
    private Task? _heartbeats;

    [Inject] private AgentPresenceService Presence { get; set; } = default!;

    [Inject] private ConsoleCircuit Circuit { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    // Only once interactive: a prerender is not a console anyone has open.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _user = WorkspaceUser.From((await AuthenticationState).User);
        if (_user is null) return;
        Circuit.ConnectionChanged += OnConnectionChangedAsync;
        await BeatAsync();
        _heartbeats = HeartbeatLoopAsync();
    }

    private async Task HeartbeatLoopAsync()
    {
        using var timer = new PeriodicTimer(AgentPresenceTimings.HeartbeatEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token))
                if (Circuit.IsConnected) await BeatAsync();
        }
        catch (OperationCanceledException)
        {
            // The console closed.
        }
    }

    private async Task BeatAsync()
    {
        try
        {
            var details = await Presence.HeartbeatAsync(_user!, _sessionId);
            if (details != _details)
            {
                _details = details;
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A missed heartbeat only shortens the lease; the next one renews it.
        }
    }

    private async Task OnConnectionChangedAsync(bool connected)
    {
        if (connected) await BeatAsync();
        else await DisconnectQuietlyAsync();
    }

    private async Task ChooseAsync(AgentStatus status)
    {
        try
        {
            _details = await Presence.SetStatusAsync(_user!, status);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
    }

    private static Color ColorOf(AgentStatus status) => status switch
    {
        AgentStatus.Online => Color.Success,
        AgentStatus.Away => Color.Warning,
        AgentStatus.Busy => Color.Error,
        _ => Color.Default,
    };

    private async Task DisconnectQuietlyAsync()
    {
        if (_user is null) return;
        try
        {
            await Presence.DisconnectAsync(_user, _sessionId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease lapses by itself.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Circuit.ConnectionChanged -= OnConnectionChangedAsync;
        await _closing.CancelAsync();
        if (_heartbeats is not null) await _heartbeats;
        await DisconnectQuietlyAsync();
        _closing.Dispose();
    }
}
