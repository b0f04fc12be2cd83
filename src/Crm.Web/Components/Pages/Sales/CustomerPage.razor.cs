using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Pages.Sales;

/// <summary>
/// Customer 360: profile, attributes, duplicates, and the timeline newest first, paged and filtered by kind. It reloads
/// the first page when the customer or one of their conversations changes (live feed), keeping the pages already shown.
/// A merged id navigates to the surviving record.
/// </summary>
public sealed partial class CustomerPage
{
    private const int PageSize = 20;
    private CustomerDetails? _customer;
    private TimelinePage? _timeline;
    private IReadOnlyList<string> _kinds = [];
    private int _shown = PageSize;
    private WorkspaceUser? _user;
    private IDisposable? _subscription;
    private string? _error;

    [Parameter] public string CustomerId { get; set; } = "";

    [Inject] private CustomerRecordService Customers { get; set; } = default!;
    [Inject] private ConversationService Conversations { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _user ??= WorkspaceUser.From((await AuthenticationState).User);
        if (_user is null) return;
        _subscription?.Dispose();
        _subscription = Conversations.Subscribe(_user, OnFeedAsync, () => InvokeAsync(ReloadAsync));
        await ReloadAsync();
    }

    private Task OnFeedAsync(LiveFeedItem item) => item switch
    {
        CustomerFeedItem c when c.Customer.CustomerId == _customer?.CustomerId => InvokeAsync(ReloadAsync),
        // A status change of one of the conversations shown (the summary does not name its customer).
        ConversationFeedItem c when c.DetailsChanged && _timeline?.Entries.Any(e => e.Kind == TimelineKinds.Conversation && e.RefId == c.Summary.ConversationId) == true
            => InvokeAsync(ReloadTimelineAsync),
        _ => Task.CompletedTask,
    };

    private async Task ReloadAsync()
    {
        try
        {
            _error = null;
            _customer = await Customers.GetAsync(_user!, CustomerId);
            if (_customer.CustomerId != CustomerId)
            {
                Navigation.NavigateTo($"customers/{_customer.CustomerId}", replace: true);
                return;
            }
            await ReloadTimelineAsync();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        StateHasChanged();
    }

    private async Task ReloadTimelineAsync()
    {
        _timeline = await Customers.TimelineAsync(_user!, _customer!.CustomerId, new TimelineQuery(0, _shown, _kinds));
        StateHasChanged();
    }

    private Task KindsChangedAsync(IReadOnlyList<string> kinds)
    {
        _kinds = kinds;
        _shown = PageSize;
        return ReloadTimelineAsync();
    }

    private Task MoreAsync()
    {
        _shown += PageSize;
        return ReloadTimelineAsync();
    }

    public void Dispose() => _subscription?.Dispose();
}
