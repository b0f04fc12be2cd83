using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Web.Identity;
using Crm.Web.LiveFeed;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace Crm.Web.Components.Inbox;

/// <summary>
/// The live inbox. Rows arrive by version (a late or repeated update never overwrites a newer one) and are kept or
/// dropped with the grain's own <see cref="InboxFilter"/>, so the live list is always what a reload would show.
/// </summary>
public sealed partial class InboxList
{
    private readonly Dictionary<string, ConversationSummary> _rows = [];

    /// <summary>While the list is read: the newest row the feed delivered per conversation, applied after the answer.</summary>
    private Dictionary<string, ConversationSummary>? _arrivedDuringReload;

    private WorkspaceUser? _user;
    private IDisposable? _subscription;
    private IAsyncDisposable? _shortcuts;
    private readonly CancellationTokenSource _closing = new();
    private InboxCounts? _counts;
    private InboxView _view = InboxView.All;
    private ConversationStatus? _status;
    private string? _label;
    private InboxSort _sort = InboxSort.LatestActivity;
    private int _selected = -1;
    private bool _loaded;
    private string? _error;
    private readonly CoalescedRefresh _countsRefresh;

    public InboxList() => _countsRefresh = new(RefreshCountsAsync);

    [Inject] private ConversationService Conversations { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The open conversation, highlighted in the list.</summary>
    [Parameter] public string? SelectedId { get; set; }

    /// <summary>A pane beside an open thread: no key caption (the thread's page owns the keys).</summary>
    [Parameter] public bool Compact { get; set; }

    /// <summary>Registers the list's own keys (1 2 3, j k, Enter); off beside a thread, whose j/k move between threads.</summary>
    [Parameter] public bool KeysEnabled { get; set; }

    /// <summary>
    /// The conversation <paramref name="step"/> rows from <paramref name="fromId"/> in the list as shown, or the first
    /// row when that one is not listed; null at either end or when the list is empty.
    /// </summary>
    public string? Neighbour(string? fromId, int step)
    {
        var rows = Ordered;
        if (rows.Count == 0) return null;
        var at = rows.FindIndex(r => r.ConversationId == fromId);
        if (at < 0) return rows[0].ConversationId;
        var next = at + step;
        return next >= 0 && next < rows.Count ? rows[next].ConversationId : null;
    }

    private InboxQuery Query => new(_status, 200, _view, _user?.AgentId, null, string.IsNullOrWhiteSpace(_label) ? null : _label.Trim().ToLowerInvariant(), _sort);

    private List<ConversationSummary> Ordered => InboxFilter.Sort(_rows.Values, _sort).ToList();

    protected override async Task OnInitializedAsync()
    {
        _user = WorkspaceUser.From((await AuthenticationState).User);
        if (_user is null)
        {
            _error = "Your account is not linked to a workspace.";
            return;
        }

        // Subscribe before the first read, so an update committed in between is not missed; versions drop duplicates.
        _subscription = Conversations.Subscribe(_user, OnFeedItemAsync, () => InvokeAsync(CatchUpAsync));
        await ReloadAsync();
        _ = TickAsync();
    }

    /// <summary>Waiting times are relative to now: re-render every 30 s while the page is open (SLA chips keep their own time).</summary>
    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token)) await InvokeAsync(StateHasChanged);
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && KeysEnabled && _user is not null) _shortcuts = await Shortcuts.RegisterAsync(Js, this);
    }

    [JSInvokable]
    public Task OnShortcut(string key) => InvokeAsync(async () =>
    {
        var rows = Ordered;
        switch (key)
        {
            case "1": await ChangeViewAsync(InboxView.Mine); break;
            case "2": await ChangeViewAsync(InboxView.Unassigned); break;
            case "3": await ChangeViewAsync(InboxView.All); break;
            case "j": _selected = Math.Min(_selected + 1, rows.Count - 1); break;
            case "k": _selected = Math.Max(_selected - 1, 0); break;
            case "Enter" when _selected >= 0 && _selected < rows.Count:
                Navigation.NavigateTo($"conversations/{rows[_selected].ConversationId}");
                return;
            default: return;
        }
        StateHasChanged();
    });

    private async Task ReloadAsync()
    {
        // Rows the feed delivers while the list is read may be newer than the answer: they are applied over it after,
        // so an older row read back never replaces a newer one already shown (a row stuck unread=false, say).
        _arrivedDuringReload = [];
        var rows = await Conversations.ListInboxAsync(_user!, Query);
        var arrived = _arrivedDuringReload;
        _arrivedDuringReload = null;
        _rows.Clear();
        _selected = -1;
        foreach (var row in rows) _rows[row.ConversationId] = row;
        foreach (var row in arrived.Values) Apply(row);
        _counts = await Conversations.CountInboxAsync(_user!);
        _loaded = true;
    }

    private Task ChangeViewAsync(InboxView view) => Change(() => _view = view);
    private Task ChangeStatusAsync(ConversationStatus? status) => Change(() => _status = status);
    private Task ChangeLabelAsync(string? label) => Change(() => _label = label);
    private Task ChangeSortAsync(InboxSort sort) => Change(() => _sort = sort);

    private async Task Change(Action apply)
    {
        apply();
        await ReloadAsync();
    }

    /// <summary>Applies the row on the circuit; the counts are re-read after, outside delivery.</summary>
    private Task OnFeedItemAsync(LiveFeedItem item) =>
        item is ConversationFeedItem c
            ? InvokeAsync(() =>
            {
                if (!Apply(c.Summary)) return;
                StateHasChanged();
                _countsRefresh.Request();
            })
            : Task.CompletedTask;

    /// <summary>This circuit fell behind the feed: the list is read again, as on opening.</summary>
    private async Task CatchUpAsync()
    {
        if (_user is null) return;
        await ReloadAsync();
        StateHasChanged();
    }

    private bool Apply(ConversationSummary summary)
    {
        if (_arrivedDuringReload is { } arrived && (!arrived.TryGetValue(summary.ConversationId, out var seen) || seen.Version < summary.Version))
            arrived[summary.ConversationId] = summary;
        var known = _rows.GetValueOrDefault(summary.ConversationId);
        if (known is not null && known.Version >= summary.Version) return false;
        if (InboxFilter.Matches(summary, Query)) _rows[summary.ConversationId] = summary;
        else if (known is null) return true; // not shown, but the counts may have changed
        else _rows.Remove(summary.ConversationId);
        return true;
    }

    private async Task RefreshCountsAsync()
    {
        _counts = await Conversations.CountInboxAsync(_user!);
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _closing.Dispose();
        _subscription?.Dispose();
        if (_shortcuts is not null) await _shortcuts.DisposeAsync();
    }
}
