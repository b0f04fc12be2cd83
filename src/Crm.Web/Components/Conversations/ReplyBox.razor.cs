using Crm.Grains.Abstractions.Attachments;
using Crm.Grains.Abstractions.CannedResponses;
using Microsoft.AspNetCore.Components.Forms;
using Crm.Grains.CannedResponses;
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
    private MudBlazor.MudTextField<string>? _box;

    /// <summary>Posts (client message id, body, is internal note, attachments); throws with a message for the user when refused.</summary>
    [Parameter, EditorRequired] public Func<Guid, string, bool, IReadOnlyList<AttachmentDetails>, Task> OnSend { get; set; } = default!;

    /// <summary>Stores a picked file (checked by type, size and content) and returns it, ready to send.</summary>
    [Parameter] public Func<IBrowserFile, Task<AttachmentDetails>>? OnUpload { get; set; }

    private readonly List<AttachmentDetails> _attachments = [];

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || OnUpload is null) return;
        _error = null;
        try
        {
            _attachments.Add(await OnUpload(file));
        }
        catch (Exception ex) when (ex is Grains.Abstractions.Errors.DomainException or IOException)
        {
            // IOException: the browser sent more than the allowed size.
            _error = ex is IOException ? $"'{file.Name}' is larger than {AttachmentRules.MaxSizeText}." : ex.Message;
        }
    }

    /// <summary>Told when the agent starts typing (at most every few seconds) and when the draft is sent or emptied.</summary>
    [Parameter] public Func<bool, Task>? OnTyping { get; set; }

    /// <summary>The workspace's canned responses: "/shortcut" shows matches, "/shortcut " (with a space) inserts one.</summary>
    [Parameter] public IReadOnlyList<CannedResponse> CannedResponses { get; set; } = [];

    [Parameter] public string CustomerName { get; set; } = "";

    [Parameter] public string AgentName { get; set; } = "";

    [Inject] private ILogger<ReplyBox> Logger { get; set; } = default!;

    /// <summary>Matches while the draft is a bare "/prefix".</summary>
    private IReadOnlyList<CannedResponse> Suggestions =>
        _draft.StartsWith('/') && !_draft.Any(char.IsWhiteSpace)
            ? CannedResponses.Where(r => r.Shortcut.StartsWith(_draft[1..], StringComparison.OrdinalIgnoreCase)).Take(5).ToList()
            : [];

    private void OnDraftChanged(string? value)
    {
        _draft = value ?? "";
        if (_draft.Length > 1 && _draft[0] == '/' && char.IsWhiteSpace(_draft[^1]) && !_draft[1..^1].Any(char.IsWhiteSpace)
            && CannedResponses.FirstOrDefault(r => r.Shortcut == _draft[1..^1].ToLowerInvariant()) is { } exact)
            Insert(exact);
    }

    /// <summary>Puts the cursor in the box, as a public reply or as an internal note (the page's r and n shortcuts).</summary>
    public async Task FocusAsync(bool note)
    {
        _isNote = note;
        StateHasChanged();
        if (_box is not null) await _box.FocusAsync();
    }

    /// <summary>Puts a drafted reply in the box for the agent to edit and send (the suggestions panel's "Insert").</summary>
    public async Task InsertDraftAsync(string text)
    {
        (_draft, _isNote) = (text, false);
        StateHasChanged();
        if (_box is not null) await _box.FocusAsync();
    }

    private void Insert(CannedResponse response) => _draft = CannedResponseRules.Fill(response.Body, CustomerName, AgentName);

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
        if (_sending || (string.IsNullOrWhiteSpace(_draft) && _attachments.Count == 0)) return;
        _sending = true;
        _error = null;
        try
        {
            await OnSend(_clientMessageId, _draft, _isNote, _attachments.ToList());
            _draft = "";
            _attachments.Clear();
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
