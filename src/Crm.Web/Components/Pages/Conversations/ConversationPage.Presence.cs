using Crm.Grains.Abstractions.Collaboration;
using Crm.Web.Services;

namespace Crm.Web.Components.Pages.Conversations;

/// <summary>The agent's presence on the open thread: heartbeats while the page is open, typing, and leaving.</summary>
public sealed partial class ConversationPage
{
    private Participant Participant => PresenceService.AgentParticipant(_user!, _sessionId);

    private Task? _heartbeats;

    /// <summary>Renews this page's presence while it is open; the lease lapses by itself if the circuit dies.</summary>
    private async Task HeartbeatLoopAsync()
    {
        using var timer = new PeriodicTimer(PresenceTimings.HeartbeatEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token))
            {
                if (_user is null || _presenceFor is null) continue;
                try
                {
                    await Presence.HeartbeatAsync(_user.WorkspaceId, _presenceFor, Participant);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A missed heartbeat only shortens the lease; the next one renews it.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
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
