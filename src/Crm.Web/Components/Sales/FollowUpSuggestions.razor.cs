using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;

namespace Crm.Web.Components.Sales;

/// <summary>
/// The assistant's follow-ups for the signed-in rep, each with its reason, signals and an editable draft. Live: the feed
/// only signals that something of theirs moved, and the list is re-read once the burst settles (never polled, and no
/// grain call on the feed's delivery loop).
/// </summary>
public sealed partial class FollowUpSuggestions : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<FollowUpSuggestion> _suggestions = [];
    private readonly Dictionary<string, string> _drafts = new(StringComparer.Ordinal);
    private IDisposable? _subscription;
    private string? _error;
    private int _generation;

    [Inject] private SalesAssistantService Sales { get; set; } = default!;

    [Parameter, EditorRequired] public WorkspaceUser User { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // Subscribe first: a change that commits during the first read still triggers a fresh one.
        _subscription = Sales.Subscribe(User, null, Changed);
        await LoadAsync();
    }

    private void Changed()
    {
        var generation = Interlocked.Increment(ref _generation);
        _ = Task.Delay(Debounce, _disposed.Token).ContinueWith(
            t => t.IsCompletedSuccessfully && generation == Volatile.Read(ref _generation) ? InvokeAsync(LoadAsync) : Task.CompletedTask,
            TaskScheduler.Default).Unwrap();
    }

    private async Task LoadAsync()
    {
        try
        {
            _suggestions = await Sales.SuggestAsync(User, null);
            _error = null;
            foreach (var s in _suggestions) _drafts.TryAdd(s.SuggestionId, s.Draft);
        }
        catch (Exception e) when (e is DomainException or TimeoutException)
        {
            _error = "Follow-up suggestions could not be loaded; they come back with the next change.";
        }
        StateHasChanged();
    }

    private async Task DecideAsync(FollowUpSuggestion suggestion, bool use)
    {
        var text = _drafts.GetValueOrDefault(suggestion.SuggestionId) ?? suggestion.Draft;
        var verdict = !use ? SuggestionVerdict.Rejected : text.Trim() == suggestion.Draft.Trim() ? SuggestionVerdict.Accepted : SuggestionVerdict.Edited;
        try
        {
            await Sales.RecordAsync(User, null, suggestion.SuggestionId, verdict, verdict == SuggestionVerdict.Edited ? text : null);
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
        await LoadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        // Cancelled, not disposed: a feed signal racing this still reads the token safely and then does nothing.
        _disposed.Cancel();
    }
}
