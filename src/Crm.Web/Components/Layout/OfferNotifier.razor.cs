using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Routing;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Crm.Web.Components.Layout;

/// <summary>
/// Shows the router's offers to the signed-in agent, wherever they are in the console, until each is accepted,
/// declined, expired or taken. The agent's <see cref="AgentWorkloadFeedItem"/> says which offers are open (it is
/// published after every change to them); the queues' <see cref="QueueFeedItem"/>, published in the same batch just
/// before it, carry each offer's expiry. The board seeds both when the console loads.
/// </summary>
public sealed partial class OfferNotifier : IDisposable
{
    private readonly Dictionary<string, OfferedWork> _offers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

    /// <summary>Offers to this agent the queues announced, by conversation; the agent's feed item decides which are shown.</summary>
    private readonly Dictionary<string, OfferedWork> _announced = new(StringComparer.Ordinal);

    private WorkspaceUser? _user;
    private IDisposable? _subscription;
    private bool _disposed;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private RoutingService Routing { get; set; } = default!;

    [Inject] private ConversationService Conversations { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (WorkspaceUser.From((await AuthenticationState).User) is not { } user || !user.May(CrmPolicies.Converse)) return;
        _user = user;
        // Subscribe before seeding, so an offer made in between is not missed; the feed then corrects the seed.
        _subscription = Conversations.Subscribe(user, OnFeedAsync, () => InvokeAsync(CatchUpAsync));
        IReadOnlyList<OfferedWork> seed;
        try
        {
            seed = await Routing.GetOffersAsync(user);
        }
        catch (DomainException)
        {
            return; // No offers to show is the safe answer; the next feed item brings them.
        }
        foreach (var offer in seed)
        {
            _announced[offer.ConversationId] = offer;
            _offers.TryAdd(offer.ConversationId, offer);
        }
        await LoadTitlesAsync();
    }

    /// <summary>Applies the item on the circuit; what it needs from grains (missing expiries, titles) runs after, outside delivery.</summary>
    private Task OnFeedAsync(LiveFeedItem item) => item switch
    {
        QueueFeedItem { Queue: var queue } => InvokeAsync(() => Announce(queue)),
        AgentWorkloadFeedItem { Agent: var agent } when agent.AgentId == _user?.AgentId => InvokeAsync(() =>
        {
            _ = ShowAsync(agent.Offered);
        }),
        _ => Task.CompletedTask,
    };

    /// <summary>This circuit fell behind the feed: the router's board says which offers are open now.</summary>
    private async Task CatchUpAsync()
    {
        if (_disposed || _user is null) return;
        try
        {
            var offers = await Routing.GetOffersAsync(_user);
            foreach (var offer in offers) _announced[offer.ConversationId] = offer;
            await ShowAsync(offers.Select(o => o.ConversationId).ToList());
        }
        catch (DomainException)
        {
            // The next feed item corrects the list.
        }
    }

    private void Announce(Grains.Abstractions.Queues.QueueDetails queue)
    {
        foreach (var offer in RoutingService.OffersTo(_user!.AgentId, [queue]))
        {
            _announced[offer.ConversationId] = offer;
            // A re-offer (declined elsewhere and back) has a new expiry: show that one.
            if (_offers.ContainsKey(offer.ConversationId)) _offers[offer.ConversationId] = offer;
        }
    }

    /// <summary>Makes the shown offers exactly <paramref name="offered"/>: the rest were answered, expired or taken.</summary>
    private async Task ShowAsync(IReadOnlyList<string> offered)
    {
        if (_disposed) return;
        foreach (var gone in _offers.Keys.Except(offered, StringComparer.Ordinal).ToList()) _offers.Remove(gone);
        var missing = offered.Where(id => !_offers.ContainsKey(id)).ToList();
        if (missing.Any(id => !_announced.ContainsKey(id)))
        {
            // The queue's item did not reach us (a relay restart): the board has the expiry. Without it the card
            // still shows, only without a countdown.
            try
            {
                foreach (var offer in await Routing.GetOffersAsync(_user!)) _announced[offer.ConversationId] = offer;
            }
            catch (DomainException)
            {
            }
        }
        foreach (var id in missing)
            _offers[id] = _announced.GetValueOrDefault(id) ?? new OfferedWork(id, "", WorkKind.Ticket, null);
        StateHasChanged();
        await LoadTitlesAsync();
    }

    /// <summary>"Customer — subject" for offers still without one; an offer whose details fail keeps its id as title.</summary>
    private async Task LoadTitlesAsync()
    {
        foreach (var id in _offers.Keys.Where(id => !_titles.ContainsKey(id)).ToList())
        {
            try
            {
                var details = await Conversations.GetDetailsAsync(_user!, id);
                _titles[id] = string.IsNullOrWhiteSpace(details.Subject) ? details.CustomerName : $"{details.CustomerName} — {details.Subject}";
            }
            catch (DomainException)
            {
                _titles[id] = id;
            }
        }
        if (!_disposed) StateHasChanged();
    }

    private async Task AcceptAsync(OfferedWork offer)
    {
        try
        {
            await Routing.AcceptOfferAsync(_user!, offer.ConversationId);
            _offers.Remove(offer.ConversationId);
            Navigation.NavigateTo($"conversations/{offer.ConversationId}");
        }
        catch (DomainException ex)
        {
            // Conflict: it expired or went elsewhere a moment ago; the feed removes it, but say why it vanished.
            _offers.Remove(offer.ConversationId);
            Snackbar.Add($"That offer has ended: {ex.Message}", Severity.Warning);
        }
    }

    private async Task DeclineAsync(OfferedWork offer)
    {
        try
        {
            await Routing.DeclineOfferAsync(_user!, offer.ConversationId);
        }
        catch (DomainException ex)
        {
            Snackbar.Add($"Could not decline: {ex.Message}", Severity.Warning);
        }
        _offers.Remove(offer.ConversationId);
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
    }
}
