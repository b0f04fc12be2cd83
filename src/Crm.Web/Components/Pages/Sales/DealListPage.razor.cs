using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.SavedViews;
using Crm.Web.Components.Lists;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Pages.Sales;

/// <summary>The deals list: title, stage and owner filters and a sort, which a saved view stores and restores.</summary>
public sealed partial class DealListPage
{
    private IReadOnlyList<DealDetails>? _deals;
    private string? _text, _stage, _owner;
    private string _sort = DealListOrder.Default;
    private HashSet<DealDetails> _selected = [];
    private bool _allMatching;

    [Inject] private DealService Deals { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string CsvHref => ListFilters.Href("api/deals.csv", ("q", _text), ("stage", _stage), ("owner", _owner));

    /// <summary>A search hit opens the list filtered to the deal's title.</summary>
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }

    protected override Task OnInitializedAsync()
    {
        _text = Q;
        return LoadAsync();
    }

    private Task FilterAsync(Action change)
    {
        change();
        return LoadAsync();
    }

    private IReadOnlyDictionary<string, string> Filters => ListFilters.Of(("q", _text), ("stage", _stage), ("owner", _owner));

    private IReadOnlyList<string> SelectedIds => _selected.Select(d => d.DealId).ToList();

    private SavedView CurrentView(string name) => new(name, Filters, _sort, []);

    private Task ApplyAsync(SavedView view)
    {
        (_text, _stage, _owner) = (view.Filters.GetValueOrDefault("q"), view.Filters.GetValueOrDefault("stage"), view.Filters.GetValueOrDefault("owner"));
        _sort = DealListOrder.Labels.Any(s => s.Value == view.Sort) ? view.Sort! : DealListOrder.Default;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (WorkspaceUser.From((await AuthenticationState).User) is not { } user) return;
        var query = new DealQuery(StageId: Blank(_stage), OwnerId: Blank(_owner), Text: Blank(_text));
        _deals = DealListOrder.Sort(await Deals.ListAsync(user, query), _sort);
        _selected = [];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
