using Crm.Grains.Abstractions.Collaboration;
using Crm.Web.Components.Layout;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;

namespace Crm.Web.Components.Pages.Conversations;

/// <summary>
/// The agent's presence on the open thread: heartbeats while the page is open and its browser connected, typing, and
/// leaving. While the browser is away (a closed lid, a lost network: the server keeps the page for minutes) the page
/// neither heartbeats nor marks messages read, so other agents stop seeing this one on the thread once the lease lapses,
/// and the customer never sees "Seen" for a message nobody could see. When the browser comes back, both resume at once.
/// </summary>
public sealed partial class ConversationPage
{
    private Participant Participant => PresenceService.AgentParticipant(_user!, _sessionId);

    private Task? _heartbeats;

    [Inject] private ConsoleCircuit Circuit { get; set; } = default!;

    protected override void OnInitialized() => Circuit.ConnectionChanged += OnConnectionChangedAsync;

    private Task OnConnectionChangedAsync(bool connected) => !connected ? Task.CompletedTask : InvokeAsync(async () =>
    {
        _markRead.Request();
        await BeatAsync();
    });

    /// <summary>Renews this page's presence while it is open; the lease lapses by itself if the circuit dies.</summary>
    private async Task HeartbeatLoopAsync()
    {
        using var timer = new PeriodicTimer(PresenceTimings.HeartbeatEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token)) await BeatAsync();
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    private async Task BeatAsync()
    {
        if (_user is null || _presenceFor is null || !Circuit.IsConnected) return;
        try
        {
            await Presence.HeartbeatAsync(_user.WorkspaceId, _presenceFor, Participant);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A missed heartbeat only shortens the lease; the next one renews it.
        }
    }

    private Task SetTypingAsync(bool isTyping) =>
        _user is null || _presenceFor is null ? Task.CompletedTask : Presence.SetTypingAsync(_user.WorkspaceId, _presenceFor, Participant, isTyping);

    private async Task LeaveAsync()
    {
        if (_user is null || _presenceFor is null) return;
        var leaving = _presenceFor;
        _presenceFor = null;
        try
        {
            await Presence.LeaveAsync(_user.WorkspaceId, leaving, _sessionId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease lapses by itself.
        }
    }
}
