using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Conversations;

/// <summary>
/// Next-best actions for the open conversation, each with its reason and signals, and a handover summary. Refreshes
/// when the thread moves (<see cref="LastSeq"/>), debounced so a burst of messages asks once, after the customer has
/// finished, not at every line.
/// </summary>
public sealed partial class SuggestionsPanel : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(1.5);
    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<NextBestAction> _actions = [];
    private ConversationDigest? _summary;
    private WorkspaceUser? _user;
    private bool _loading;
    private string? _error;
    private long _shownFor = -1;
    private int _generation;

    [Inject] private AssistantService Assistant { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter, EditorRequired] public string ConversationId { get; set; } = "";

    /// <summary>The thread's last sequence number: a change asks for fresh suggestions.</summary>
    [Parameter] public long LastSeq { get; set; }

    [Parameter] public Func<string, Task>? OnInsert { get; set; }

    private string WorkspaceId => _user?.WorkspaceId ?? "";

    protected override async Task OnParametersSetAsync()
    {
        _user ??= WorkspaceUser.From((await AuthenticationState).User);
        if (_user?.May(CrmPolicies.Converse) != true || LastSeq == _shownFor) return;
        var first = _shownFor < 0;
        _shownFor = LastSeq;
        var generation = ++_generation;
        if (!first)
        {
            try
            {
                await Task.Delay(Debounce, _disposed.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (generation != _generation) return;
        }
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        if (_user is null) return;
        _loading = true;
        try
        {
            var actions = Assistant.SuggestAsync(_user, ConversationId);
            var summary = Assistant.SummarizeAsync(_user, ConversationId);
            (_actions, _summary, _error) = (await actions, await summary, null);
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
        catch (TimeoutException)
        {
            _error = "Suggestions took too long; try the refresh button.";
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task InsertAsync(NextBestAction action)
    {
        await OnInsert!(action.InsertText);
        await RecordAsync(action, SuggestionVerdict.Accepted);
    }

    private async Task DismissAsync(NextBestAction action)
    {
        _actions = _actions.Where(a => a != action).ToList();
        await RecordAsync(action, SuggestionVerdict.Rejected);
    }

    /// <summary>A verdict that cannot be recorded costs the agent nothing: the reply box and the list already changed.</summary>
    private async Task RecordAsync(NextBestAction action, SuggestionVerdict verdict)
    {
        if (_user is null) return;
        try
        {
            await Assistant.RecordVerdictAsync(_user, ConversationId, action, verdict);
        }
        catch (DomainException)
        {
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
