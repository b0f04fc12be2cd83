using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.SavedViews;
using Crm.Web.Components.Lists;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Pages.Sales;

/// <summary>The customers list: text, tag and owner filters and a sort, all of which a saved view stores and restores.</summary>
public sealed partial class CustomersPage
{
    private static readonly (string Value, string Label)[] Sorts =
        [("name", "Name A–Z"), ("-name", "Name Z–A"), ("-updated", "Recently updated"), ("-created", "Newest"), ("created", "Oldest")];

    private ListPage<CustomerDetails>? _page;
    private string? _text, _tag, _owner;
    private string _sort = "name";
    private HashSet<CustomerDetails> _selected = [];
    private bool _allMatching, _maySell;

    [Inject] private CustomerRecordService Customers { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private CustomerQuery Query => new(_text, Blank(_owner), Blank(_tag), null, _sort, 0, 100);

    private string CsvHref => ListFilters.Href("api/customers.csv", ("q", _text), ("tag", _tag), ("owner", _owner), ("sort", _sort));

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task FilterAsync(Action change)
    {
        change();
        return LoadAsync();
    }

    private IReadOnlyDictionary<string, string> Filters => ListFilters.Of(("q", _text), ("tag", _tag), ("owner", _owner));

    private IReadOnlyList<string> SelectedIds => _selected.Select(c => c.CustomerId).ToList();

    private SavedView CurrentView(string name) => new(name, Filters, _sort, []);

    private Task ApplyAsync(SavedView view)
    {
        (_text, _tag, _owner) = (view.Filters.GetValueOrDefault("q"), view.Filters.GetValueOrDefault("tag"), view.Filters.GetValueOrDefault("owner"));
        _sort = Sorts.Any(s => s.Value == view.Sort) ? view.Sort! : "name";
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (WorkspaceUser.From((await AuthenticationState).User) is not { } user) return;
        _maySell = user.May(CrmPolicies.Sell);
        _page = await Customers.ListAsync(user, Query);
        // The rows are new records: a selection of the old ones would name what is no longer shown.
        _selected = [];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
