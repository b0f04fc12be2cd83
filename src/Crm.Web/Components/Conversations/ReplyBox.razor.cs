using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Crm.Web.Components.Conversations;

/// <summary>
/// The composer. A draft keeps one client message id until it is acknowledged, so pressing Send again after a
/// timeout resends the same message instead of posting it twice.
/// </summary>
public sealed partial class ReplyBox
{
    private string _draft = "";
    private Guid _clientMessageId = Guid.NewGuid();
    private bool _sending;
    private bool _isNote;
    private string? _error;

    /// <summary>Posts (client message id, body, is internal note); throws with a message for the user when refused.</summary>
    [Parameter, EditorRequired] public Func<Guid, string, bool, Task> OnSend { get; set; } = default!;

    /// <summary>Told when the agent starts typing (at most every few seconds) and when the draft is sent or emptied.</summary>
    [Parameter] public Func<bool, Task>? OnTyping { get; set; }

    [Inject] private ILogger<ReplyBox> Logger { get; set; } = default!;

    private DateTimeOffset _typingSentAt = DateTimeOffset.MinValue;

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e is { Key: "Enter", ShiftKey: false })
        {
            await SendAsync();
            return;
        }
        // Throttled: a keystroke renews "typing" at most every 2 s; the lease lapses by itself when typing stops.
        if (OnTyping is not null && DateTimeOffset.UtcNow - _typingSentAt > TimeSpan.FromSeconds(2))
        {
            _typingSentAt = DateTimeOffset.UtcNow;
            await NotifyTypingAsync(true);
        }
    }

    private async Task NotifyTypingAsync(bool isTyping)
    {
        if (OnTyping is null) return;
        try
        {
            await OnTyping(isTyping);
        }
        catch (Exception ex)
        {
            Logger.LogDebug(ex, "Typing notification failed");
        }
    }

    private async Task SendAsync()
    {
        if (_sending || string.IsNullOrWhiteSpace(_draft)) return;
        _sending = true;
        _error = null;
        try
        {
            await OnSend(_clientMessageId, _draft, _isNote);
            _draft = "";
            _clientMessageId = Guid.NewGuid();
            _typingSentAt = DateTimeOffset.MinValue;
            await NotifyTypingAsync(false);
        }
        catch (Grains.Abstractions.Errors.DomainException ex)
        {
            _error = ex.Message;
        }
        catch (Exception ex)
        {
            // The draft and its client message id are kept, so Send again is a safe retry, never a duplicate.
            Logger.LogWarning(ex, "Sending a reply failed");
            _error = "The message could not be sent right now. Your draft is kept: press Send to try again.";
        }
        finally
        {
            _sending = false;
        }
    }
}
