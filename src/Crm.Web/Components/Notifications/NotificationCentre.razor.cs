using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Notifications;
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
/// The signed-in agent's stored notifications: read once when the console opens, then kept current by the live feed
/// (never polled). The unread count goes into the tab title, and each new one optionally into a browser notification
/// and a tone, as the user's preferences say.
/// </summary>
public sealed partial class NotificationCentre : IAsyncDisposable
{
    private List<NotificationDetails> _items = [];
    // Feed changes that arrive before the stored list did: applied on top of it once it is in.
    private List<NotificationFeedItem>? _early = [];
    private WorkspaceUser? _user;
    private UserPreferences _preferences = UserPreferences.Default;
    private IDisposable? _subscription;
    private IJSObjectReference? _module;
    private bool _open;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private PreferencesService Preferences { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    private int Unread => _items.Count(n => !n.Read);

    private string Label => Unread == 0 ? "Notifications, none unread" : $"Notifications, {Unread} unread";

    protected override async Task OnInitializedAsync()
    {
        if (WorkspaceUser.From((await AuthenticationState).User) is not { } user || !user.May(CrmPolicies.Staff)) return;
        _user = user;
        // Subscribe before reading the list, so nothing committed in between is missed.
        _subscription = Notifications.Subscribe(user, OnFeedAsync, ReloadAsync);
        Preferences.Changed += OnPreferencesChanged;
        _preferences = await Preferences.GetAsync(user);
        await ReloadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _user is null) return;
        try
        {
            _module = await Js.InvokeAsync<IJSObjectReference>("import", "./js/notify.js");
            await CallAsync("setUnread", Unread);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>The stored list: on open, and again when the feed cut this console over after it fell behind.</summary>
    private async Task ReloadAsync()
    {
        if (_user is not { } user) return;
        var stored = await Notifications.ListAsync(user);
        await InvokeAsync(async () =>
        {
            _items = [.. stored.Items];
            var early = _early ?? [];
            _early = null;
            foreach (var change in early) Apply(change);
            StateHasChanged();
            await CallAsync("setUnread", Unread);
        });
    }

    private Task OnFeedAsync(NotificationFeedItem change) => InvokeAsync(async () =>
    {
        if (_early is not null)
        {
            _early.Add(change);
            return;
        }
        var added = Apply(change);
        StateHasChanged();
        await CallAsync("setUnread", Unread);
        if (added is not null && (_preferences.BrowserNotifications || _preferences.Sound))
            await CallAsync("announce", added.Title, added.Body, _preferences.BrowserNotifications, _preferences.Sound);
    });

    /// <summary>Applies one change; returns the notification it added (null when it added none or one already shown).</summary>
    private NotificationDetails? Apply(NotificationFeedItem change)
    {
        for (var i = 0; i < _items.Count; i++)
            if (!_items[i].Read && (change.AllRead || change.ReadIds.Contains(_items[i].Id))) _items[i] = _items[i] with { Read = true };
        if (change.Added is not { } added || _items.Exists(n => n.Id == added.Id)) return null;
        _items.Insert(0, added);
        if (_items.Count > INotificationsGrain.Keep) _items.RemoveRange(INotificationsGrain.Keep, _items.Count - INotificationsGrain.Keep);
        return added;
    }

    private void Toggle() => _open = !_open;

    private void Close() => _open = false;

    private void OnKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Escape") _open = false;
    }

    private async Task OpenAsync(NotificationDetails notification)
    {
        if (!notification.Read) await MarkAsync([notification.Id], all: false);
        _open = false;
        Navigation.NavigateTo($"conversations/{notification.ConversationId}");
    }

    private Task MarkAllReadAsync() => MarkAsync([], all: true);

    private async Task MarkAsync(IReadOnlyList<string> ids, bool all)
    {
        if (_user is null) return;
        _items = [.. (await Notifications.MarkReadAsync(_user, ids, all)).Items];
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
