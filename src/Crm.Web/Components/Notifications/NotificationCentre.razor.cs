using Crm.Grains.Abstractions.Inbox;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Preferences;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;
using Crm.Web.Services.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace Crm.Web.Components.Notifications;

/// <summary>
/// The signed-in agent's notifications, made by <see cref="NotificationRules"/> from this console's live-feed
/// subscription (never polled). The list lives as long as the console's circuit; the unread count goes into the
/// tab title, and each new one optionally into a browser notification and a tone, as the user's preferences say.
/// </summary>
public sealed partial class NotificationCentre : IAsyncDisposable
{
    private const int Keep = 50;

    private readonly List<ConsoleNotification> _items = [];
    private readonly CancellationTokenSource _closing = new();
    private NotificationRules? _rules;
    private WorkspaceUser? _user;
    private UserPreferences _preferences = UserPreferences.Default;
    private IDisposable? _subscription;
    private IJSObjectReference? _module;
    private bool _open;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private ConversationService Conversations { get; set; } = default!;
    [Inject] private PreferencesService Preferences { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private int Unread => _items.Count(n => !n.Read);

    private string Label => Unread == 0 ? "Notifications, none unread" : $"Notifications, {Unread} unread";

    protected override async Task OnInitializedAsync()
    {
        if (WorkspaceUser.From((await AuthenticationState).User) is not { } user || !user.May(CrmPolicies.Staff)) return;
        _user = user;
        _rules = new NotificationRules(user.AgentId, Clock);
        // Subscribe before reading the baseline; the rules drop anything not newer than what they were seeded with.
        _subscription = Conversations.Subscribe(user, OnFeedAsync, CatchUpAsync);
        Preferences.Changed += OnPreferencesChanged;
        _preferences = await Preferences.GetAsync(user);
        _rules.Seed(await Conversations.ListInboxAsync(user, new InboxQuery(null, 200, InboxView.Mine, user.AgentId)));
        _ = CheckSlaLoopAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _user is null) return;
        try
        {
            _module = await Js.InvokeAsync<IJSObjectReference>("import", "./js/notify.js");
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private Task OnFeedAsync(LiveFeedItem item) =>
        item is ConversationFeedItem or MessageFeedItem or Grains.Abstractions.Routing.AgentWorkloadFeedItem
            ? InvokeAsync(() => AddAsync(_rules!.On(item)))
            : Task.CompletedTask;

    /// <summary>
    /// The feed cut this console over (it fell too far behind): compare the agent's conversations as they are now with
    /// what the rules knew, so an assignment or a customer reply missed meanwhile is still announced.
    /// </summary>
    private async Task CatchUpAsync()
    {
        if (_user is not { } user) return;
        var mine = await Conversations.ListInboxAsync(user, new InboxQuery(null, 200, InboxView.Mine, user.AgentId));
        await InvokeAsync(() => AddAsync(mine.SelectMany(s => _rules!.On(new ConversationFeedItem(s))).ToList()));
    }

    /// <summary>"About to breach" is a matter of time passing, not of an event: check the known due times locally.</summary>
    private async Task CheckSlaLoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), Clock);
        try
        {
            do await InvokeAsync(() => AddAsync(_rules!.CheckSla()));
            while (await timer.WaitForNextTickAsync(_closing.Token));
        }
        catch (OperationCanceledException)
        {
            // The console closed.
        }
    }

    private async Task AddAsync(IReadOnlyList<ConsoleNotification> fresh)
    {
        if (fresh.Count == 0) return;
        _items.InsertRange(0, fresh.Reverse());
        if (_items.Count > Keep) _items.RemoveRange(Keep, _items.Count - Keep);
        StateHasChanged();
        await CallAsync("setUnread", Unread);
        var latest = fresh[^1];
        if (_preferences.BrowserNotifications || _preferences.Sound)
            await CallAsync("announce", latest.Title, latest.Body, _preferences.BrowserNotifications, _preferences.Sound);
    }

    private void Toggle() => _open = !_open;

    private void Close() => _open = false;

    private void OnKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Escape") _open = false;
    }

    private async Task OpenAsync(ConsoleNotification notification)
    {
        await MarkAsync(n => n.Id == notification.Id);
        _open = false;
        Navigation.NavigateTo($"conversations/{notification.ConversationId}");
    }

    private Task MarkAllReadAsync() => MarkAsync(_ => true);

    private async Task MarkAsync(Func<ConsoleNotification, bool> which)
    {
        for (var i = 0; i < _items.Count; i++)
            if (!_items[i].Read && which(_items[i])) _items[i] = _items[i] with { Read = true };
        await CallAsync("setUnread", Unread);
    }

    private void OnPreferencesChanged(string key, UserPreferences preferences)
    {
        if (_user is not null && key == PreferencesService.Key(_user)) _preferences = preferences;
    }

    private async Task CallAsync(string function, params object?[] args)
    {
        if (_module is null) return;
        try
        {
            await _module.InvokeVoidAsync(function, args);
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone; the circuit ends soon.
        }
    }

    private static string IconOf(NotificationKind kind) => kind switch
    {
        NotificationKind.Offered => Icons.Material.Filled.MoveToInbox,
        NotificationKind.Assigned => Icons.Material.Filled.AssignmentInd,
        NotificationKind.CustomerReplied => Icons.Material.Filled.Reply,
        NotificationKind.Mentioned => Icons.Material.Filled.AlternateEmail,
        _ => Icons.Material.Filled.Alarm,
    };

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _closing.Dispose();
        _subscription?.Dispose();
        Preferences.Changed -= OnPreferencesChanged;
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }
}
