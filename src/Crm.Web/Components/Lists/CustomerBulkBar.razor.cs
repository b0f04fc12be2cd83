using Crm.Web.Services.Bulk;
using Microsoft.AspNetCore.Components;

namespace Crm.Web.Components.Lists;

/// <summary>The customers list's bulk actions on the selected rows (or all matching the filter), through the same service as the API.</summary>
public sealed partial class CustomerBulkBar
{
    private string? _tag;

    [Inject] private CustomerBulkService Bulk { get; set; } = default!;

    private Task AssignAsync() => RunAsync((user, selection) => Bulk.AssignOwnerAsync(user, selection, Owner));

    private Task TagAsync(bool add) => RunAsync((user, selection) => Bulk.TagAsync(user, selection, _tag, add));

    private Task AddToPipelineAsync() => RunAsync((user, selection) => Bulk.AddToPipelineAsync(user, selection, null, null, null));
}
