using Crm.Grains.Abstractions.Search;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Pages.Search;

/// <summary>The advanced search: words plus filters (kind, status, assignee, label, channel, activity dates) and facet counts.</summary>
public sealed partial class SearchPage
{
    private const int PageSize = 50;

    private SearchResults? _results;
    private string? _error;
    private string? _text;
    private DateTime? _from, _to;
    private int _asked;
    private bool _maySeeDeals;

    [SupplyParameterFromQuery(Name = "q")] public string? Text { get; set; }

    private SearchKind? Kind { get; set; }

    /// <summary>The chosen facet values: status, assignee, label, channel (one each).</summary>
    private Dictionary<string, string> Selected { get; } = [];

    [Inject] private SearchService Search { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override Task OnParametersSetAsync()
    {
        _text = Text;
        return RunAsync();
    }

    private Task ToggleAsync((string Facet, string Value) choice)
    {
        if (choice.Facet == SearchFacets.Kind) Kind = Kind is null ? Enum.Parse<SearchKind>(choice.Value, ignoreCase: true) : null;
        else if (!Selected.Remove(choice.Facet)) Selected[choice.Facet] = choice.Value;
        return RunAsync();
    }

    private Task SetDatesAsync(DateTime? from, DateTime? to)
    {
        (_from, _to) = (from, to);
        return RunAsync();
    }

    private async Task RunAsync()
    {
        var user = WorkspaceUser.From((await AuthenticationState).User);
        if (user is null) return;
        // The kind filter offers deals only to those the search would show them to.
        _maySeeDeals = SearchService.MaySeeDeals(user);
        var asked = ++_asked;
        try
        {
            var results = await Search.SearchAsync(user, new SearchRequest(
                _text, Kind, Selected.GetValueOrDefault(SearchFacets.Status), Selected.GetValueOrDefault(SearchFacets.Assignee),
                Selected.GetValueOrDefault(SearchFacets.Label), Selected.GetValueOrDefault(SearchFacets.Channel),
                _from is { } from ? new DateTimeOffset(from.Date, TimeSpan.Zero) : null,
                _to is { } to ? new DateTimeOffset(to.Date.AddDays(1).AddTicks(-1), TimeSpan.Zero) : null,
                PageSize, WithFacets: true));
            if (asked == _asked) (_results, _error) = (results, null);
        }
        catch (SearchUnavailableException exception)
        {
            if (asked == _asked) (_results, _error) = (null, exception.Message);
        }
        catch (Grains.Abstractions.Errors.DomainException exception)
        {
            if (asked == _asked) (_results, _error) = (null, exception.Message);
        }
    }
}
