using Crm.Grains.Abstractions.Errors;
using Crm.Web.Services.Bulk;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Crm.Web.Components.Lists;

/// <summary>Runs a bulk bar's action: the counts (or the refusal) in a snackbar, then the page reloads.</summary>
public static class BulkActionRun
{
    public static BulkSelection Selection(bool allMatching, IReadOnlyList<string> selectedIds, IReadOnlyDictionary<string, string> filter) =>
        allMatching ? new BulkSelection(null, filter, true) : new BulkSelection(selectedIds, null, false);

    public static async Task RunAsync(ISnackbar snackbar, Func<Task<BulkResult>> action, EventCallback done)
    {
        try
        {
            snackbar.Add(BulkResultText.Of(await action()), Severity.Info);
            await done.InvokeAsync();
        }
        catch (DomainException refused)
        {
            snackbar.Add(refused.Message, Severity.Warning);
        }
    }
}
