using Crm.Grains.Abstractions.Search;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Crm.Web.Components.Search;

public sealed partial class SearchBox
{
    private const int TypeAheadLimit = 8;

    private MudTextField<string>? _field;
    private string _text = "";
    private SearchResults? _results;
    private string? _error;
    private bool _open;
    private int _active;
    private int _asked;

    [Inject] private SearchService Search { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The hits in the order they are shown (grouped by kind): what the arrow keys walk.</summary>
    private List<SearchHit> Ordered => _results?.Hits.GroupBy(h => h.Kind).OrderBy(g => g.Key).SelectMany(g => g).ToList() ?? [];

    private SearchHit? Active => Ordered is { Count: > 0 } hits ? hits[Math.Clamp(_active, 0, hits.Count - 1)] : null;

    private async Task OnTextChangedAsync(string? text)
    {
        _text = text ?? "";
        var asked = ++_asked;
        if (_text.Trim().Length == 0)
        {
            (_open, _results, _error) = (false, null, null);
            return;
        }

        var user = WorkspaceUser.From((await AuthenticationState).User);
        if (user is null) return;
        try
        {
            var results = await Search.SearchAsync(user, new SearchRequest(_text, Limit: TypeAheadLimit));
            // An answer to an older keystroke never replaces a newer one.
            if (asked != _asked) return;
            (_results, _error, _active, _open) = (results, null, 0, true);
        }
        catch (SearchUnavailableException exception)
        {
            if (asked == _asked) (_results, _error, _open) = (null, exception.Message, true);
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "ArrowDown":
                _active = Math.Min(_active + 1, Math.Max(0, Ordered.Count - 1));
                break;
            case "ArrowUp":
                _active = Math.Max(_active - 1, 0);
                break;
            case "Escape":
                _open = false;
                break;
            case "Enter":
                if (Active is { } hit) await OpenAsync(hit);
                else if (_text.Trim().Length > 0) Navigation.NavigateTo(SearchLinks.Page(_text));
                break;
        }
    }

    private async Task OpenAsync(SearchHit hit)
    {
        (_open, _text, _results) = (false, "", null);
        if (_field is not null) await _field.BlurAsync();
        Navigation.NavigateTo(SearchLinks.Href(hit));
    }
}
