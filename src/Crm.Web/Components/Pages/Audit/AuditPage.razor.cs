using Crm.Grains.Abstractions.Audit;
using Crm.Grains.Abstractions.Errors;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Pages.Audit;

/// <summary>
/// The admin audit view: pages of entries newest first, filters, "load more" with the cursor the previous page
/// returned. The filters that produced the shown entries are kept apart from the fields being edited, so "load more"
/// continues the same query even after someone types into a filter without applying it.
/// </summary>
public sealed partial class AuditPage
{
    private readonly List<AuditEntry> _entries = [];
    private WorkspaceUser? _user;
    private AuditQuery? _shown;
    private long? _next;
    private int _scanned;
    private bool _loading;
    private string? _error;
    private string? _actor, _category, _entityId;
    private DateTime? _from, _to;

    [Inject] private AuditTrailService Audit { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _user = WorkspaceUser.From((await AuthenticationState).User);
        await ApplyAsync();
    }

    private async Task ApplyAsync()
    {
        AuditQuery query;
        try
        {
            // Dates are whole UTC days; "to" includes its day, so the exclusive end is the next midnight.
            query = AuditQuery.Create(
                actor: _actor, category: _category, entityId: _entityId,
                from: _from is { } from ? new DateTimeOffset(from.Date, TimeSpan.Zero) : null,
                to: _to is { } to ? new DateTimeOffset(to.Date.AddDays(1), TimeSpan.Zero) : null);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            return;
        }

        _entries.Clear();
        (_next, _scanned) = (null, 0);
        await LoadAsync(query);
    }

    private async Task ClearAsync()
    {
        (_actor, _category, _entityId, _from, _to) = (null, null, null, null, null);
        await ApplyAsync();
    }

    private Task LoadMoreAsync() => _shown is { } shown && _next is { } next ? LoadAsync(shown with { Before = next }) : Task.CompletedTask;

    private async Task LoadAsync(AuditQuery query)
    {
        if (_user is null) return;
        (_loading, _error) = (true, null);
        try
        {
            var page = await Audit.ReadAsync(_user, query);
            _entries.AddRange(page.Entries);
            (_shown, _next) = (query, page.Next);
            _scanned += page.Scanned;
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _loading = false;
        }
    }
}
