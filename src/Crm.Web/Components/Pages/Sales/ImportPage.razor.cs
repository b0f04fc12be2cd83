using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Imports;
using Crm.Web.Identity;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace Crm.Web.Components.Pages.Sales;

/// <summary>Upload, map, dry-run and start a customer import; its progress arrives on the live feed, batch by batch.</summary>
public sealed partial class ImportPage
{
    private ImportDetails? _import;
    private List<string> _mapping = [];
    private IReadOnlyList<string> _targets = [];
    private DuplicateMode _duplicates = DuplicateMode.Skip;
    private string _kind = Grains.Imports.Kinds.ImportKinds.Customers;
    private ImportReport? _report;
    private string? _error;
    private bool _busy;
    private readonly CancellationTokenSource _disposed = new();
    private IDisposable? _progress;

    [Inject] private ImportService Imports { get; set; } = default!;

    [Inject] private AttributeSchemaService Attributes { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private async Task UploadAsync(IBrowserFile file) => await RunAsync(async user =>
    {
        await using var stream = file.OpenReadStream(ImportService.MaxUploadBytes, _disposed.Token);
        _import = await Imports.UploadAsync(user, _kind, file.Name, stream, _disposed.Token);
        _mapping = _import.SuggestedMapping.ToList();
        _targets = await TargetsAsync(user);
        _report = null;
    });

    private Task DryRunAsync() => RunAsync(async user => _report = await Imports.DryRunAsync(user, _import!.ImportId, _mapping, _duplicates.ToString()));

    /// <summary>Follows the live feed first, so no batch committed right after the start is missed, then starts.</summary>
    private Task StartAsync() => RunAsync(async user =>
    {
        var importId = _import!.ImportId;
        _progress?.Dispose();
        _progress = Imports.Subscribe(user, importId, ShowAsync, async () => await ShowAsync(await Imports.GetAsync(user, importId)));
        _import = await Imports.StartAsync(user, importId, _mapping, _duplicates.ToString());
        _report = null;
        await ShowAsync(await Imports.GetAsync(user, importId));
    });

    /// <summary>The newest view wins: feed items and reads may arrive out of order, and the rows count only grows.</summary>
    private Task ShowAsync(ImportDetails import) => InvokeAsync(() =>
    {
        if (_import is { } shown && (shown.Status == ImportStatus.Completed || shown.Report.Counts.Rows > import.Report.Counts.Rows)) return;
        _import = import;
        StateHasChanged();
    });

    private async Task<IReadOnlyList<string>> TargetsAsync(WorkspaceUser user)
    {
        if (Grains.Imports.Kinds.ImportKinds.Require(_kind) is { } kind) return [.. kind.Fields, Grains.Imports.ImportTargets.Ignore];
        var schema = await Attributes.GetAsync(user);
        return [.. Grains.Imports.ImportTargets.Fields, .. schema.For(Grains.Abstractions.Attributes.AttributeTarget.Customer).Select(a => Grains.Imports.ImportTargets.Attribute(a.Key)), Grains.Imports.ImportTargets.Ignore];
    }

    private async Task RunAsync(Func<WorkspaceUser, Task> action)
    {
        _error = null;
        _busy = true;
        try
        {
            if (WorkspaceUser.From((await AuthenticationState).User) is { } user) await action(user);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        catch (IOException ex)
        {
            _error = $"The file could not be read: {ex.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The dry run's report before the start, the run's own after it.</summary>
    private ImportReport? ShownReport(ImportDetails import) => import.Status == ImportStatus.Uploaded ? _report : import.Report;

    private static double Percent(ImportDetails import) => import.TotalRows == 0 ? 100 : 100.0 * import.Report.Counts.Rows / import.TotalRows;

    public async ValueTask DisposeAsync()
    {
        _progress?.Dispose();
        await _disposed.CancelAsync();
        _disposed.Dispose();
    }
}
