using Crm.Grains.Abstractions.Agents;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Routing;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Pages.Supervisor;

/// <summary>
/// The supervisor's live board. Seeded once from the router and the inbox, then kept current by the live feed alone;
/// a 1 s timer only moves "now" forward so waits and status times tick, without asking any grain.
/// </summary>
public sealed partial class SupervisorPage
{
    private readonly CancellationTokenSource _closing = new();
    private WorkspaceUser? _user;
    private SupervisorBoard? _board;
    private IReadOnlyList<AgentWorkloadSummary> _agents = [];
    private IDisposable? _subscription;
    private readonly List<LiveFeedItem> _early = [];
    private DateTimeOffset _now;
    private DateTimeOffset _changedAt;
    private string? _error;
    private string? _actionError;

    [Inject] private SupervisorBoardService Board { get; set; } = default!;
    [Inject] private ConversationService Conversations { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = WorkspaceUser.From((await AuthenticationState).User);
        if (_user is null)
        {
            _error = "Your account is not linked to a workspace.";
            return;
        }
        // Subscribe before the read: what arrives in between is kept and applied after the seed (stale ones are
        // dropped by version or time), so no change is lost between the two.
        _subscription = Board.Subscribe(_user, OnFeedItemAsync, () => InvokeAsync(ReloadAsync));
        var board = await Board.LoadAsync(_user);
        _now = Board.Now;
        foreach (var item in _early) board.Apply(item, _now);
        _early.Clear();
        _board = board;
        Changed();
        _ = TickAsync();
    }

    private Task OnFeedItemAsync(LiveFeedItem item) => InvokeAsync(() =>
    {
        if (_board is null)
        {
            _early.Add(item);
            return;
        }
        _now = Board.Now;
        if (!_board.Apply(item, _now)) return;
        Changed();
        StateHasChanged();
    });

    /// <summary>This circuit fell behind the feed: the board is read again, as on opening.</summary>
    private async Task ReloadAsync()
    {
        if (_board is null || _user is null) return;
        try
        {
            _board = await Board.LoadAsync(_user);
            _now = Board.Now;
            Changed();
            StateHasChanged();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    private void Changed()
    {
        _agents = _board!.Agents.ToList();
        _changedAt = _now;
    }

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token))
                await InvokeAsync(() =>
                {
                    _now = Board.Now;
                    StateHasChanged();
                });
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    private string? SubjectOf(string conversationId) => _board?.Row(conversationId) is { } row ? $"{row.CustomerName} · {row.Subject}" : null;

    private Task AssignAsync((string ConversationId, string AgentId) pick) =>
        ActAsync(() => Conversations.AssignAsync(_user!, pick.ConversationId, pick.AgentId));

    private Task SetStatusAsync((string AgentId, AgentStatus Status) pick) =>
        ActAsync(() => Board.SetAgentStatusAsync(_user!, pick.AgentId, pick.Status));

    /// <summary>The result arrives through the feed like anyone else's change; a refusal says why.</summary>
    private async Task ActAsync(Func<Task> action)
    {
        _actionError = null;
        try
        {
            await action();
        }
        catch (DomainException ex)
        {
            _actionError = ex.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _closing.CancelAsync();
        _closing.Dispose();
    }
}
