using Crm.Grains.Abstractions.Companies;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.SavedViews;
using Crm.Web.Components.Lists;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Pages.Sales;

/// <summary>The companies list: name/domain and owner filters and a sort, which a saved view stores and restores.</summary>
public sealed partial class CompaniesPage
{
    private static readonly (string Value, string Label)[] Sorts =
        [("name", "Name A–Z"), ("-name", "Name Z–A"), ("domain", "Domain"), ("-created", "Newest"), ("created", "Oldest")];

    private ListPage<CompanyDetails>? _page;
    private string? _text, _owner;
    private string _sort = "name";

    [Inject] private CompanyService Companies { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>A search hit opens the list filtered to the company's name.</summary>
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

    private SavedView CurrentView(string name) => new(name, ListFilters.Of(("q", _text), ("owner", _owner)), _sort, []);

    private Task ApplyAsync(SavedView view)
    {
        (_text, _owner) = (view.Filters.GetValueOrDefault("q"), view.Filters.GetValueOrDefault("owner"));
        _sort = Sorts.Any(s => s.Value == view.Sort) ? view.Sort! : "name";
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (WorkspaceUser.From((await AuthenticationState).User) is not { } user) return;
        var owner = string.IsNullOrWhiteSpace(_owner) ? null : _owner.Trim();
        _page = await Companies.ListAsync(user, new CompanyQuery(_text, null, 0, 100, owner, _sort));
    }
}
