using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Keys;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services.Bulk;

/// <summary>
/// Bulk actions on the customers list: assign an owner, add or remove a tag, add to a pipeline. Each customer is
/// changed by its own grain with the version just read, so a concurrent edit fails that one record, not the call.
/// </summary>
public sealed class CustomerBulkService(IGrainFactory grains, AgentDirectory people, CustomerPipelineEntry pipelines)
{
    public static readonly string[] Filters = ["q", "owner", "tag", "company"];

    public async Task<BulkResult> AssignOwnerAsync(WorkspaceUser user, BulkSelection selection, string? ownerId)
    {
        user.Require(CrmPolicies.Sell);
        var owner = await BulkOwner.RequireMemberAsync(people, user, ownerId);
        return await RunAsync(user, selection, (customer, c) => c.OwnerId == owner
            ? Task.FromResult(BulkItem.Skip(c.CustomerId, $"already owned by {owner}"))
            : SaveAsync(user, customer, c with { OwnerId = owner }, null));
    }

    public async Task<BulkResult> TagAsync(WorkspaceUser user, BulkSelection selection, string? tag, bool add)
    {
        user.Require(CrmPolicies.Sell);
        var wanted = string.IsNullOrWhiteSpace(tag) ? throw BulkSelection.Invalid("Name the tag: tag.") : tag.Trim();
        return await RunAsync(user, selection, (customer, c) =>
        {
            var tags = c.Tags ?? [];
            var has = tags.Contains(wanted, StringComparer.OrdinalIgnoreCase);
            if (has == add) return Task.FromResult(BulkItem.Skip(c.CustomerId, add ? $"already tagged {wanted}" : $"not tagged {wanted}"));
            var changed = add ? [.. tags, wanted] : tags.Where(t => !t.Equals(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            return SaveAsync(user, customer, c, changed);
        });
    }

    public async Task<BulkResult> AddToPipelineAsync(WorkspaceUser user, BulkSelection selection, string? pipelineId, string? stageId, string? currency)
    {
        user.Require(CrmPolicies.Sell);
        var entry = await pipelines.PrepareAsync(user, pipelineId, stageId, currency);
        return await RunAsync(user, selection, (_, c) => entry.AddAsync(c));
    }

    private async Task<BulkResult> RunAsync(WorkspaceUser user, BulkSelection selection, Func<ICustomerGrain, CustomerDetails, Task<BulkItem>> action)
    {
        var (ids, matched) = await SelectAsync(user, selection);
        return await BulkRunner.RunAsync(ids, matched, async id =>
        {
            var customer = grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(id, "customer")));
            var details = await customer.GetDetailsAsync();
            return details.MergedInto is { } survivor
                ? new BulkItem(id, BulkItem.Failed, $"merged into {survivor}; act on that record")
                : await action(customer, details);
        });
    }

    /// <summary>The same save as the customer page's, with the version read: the profile as it is, the owner or tags changed.</summary>
    private static async Task<BulkItem> SaveAsync(WorkspaceUser user, ICustomerGrain customer, CustomerDetails c, IReadOnlyList<string>? tags)
    {
        await customer.SaveAsync(new SaveCustomer(c.Name, c.Email, c.Phone, c.CompanyId, c.OwnerId, tags, null, user.Actor, c.Version));
        return BulkItem.Done(c.CustomerId);
    }

    private Task<(IReadOnlyList<string> Ids, int Matched)> SelectAsync(WorkspaceUser user, BulkSelection selection) =>
        selection.ResolveAsync(Filters, async () =>
        {
            var query = new CustomerQuery(selection.FilterValue("q"), selection.FilterValue("owner"), selection.FilterValue("tag"),
                selection.FilterValue("company"), "created", 0, BulkSelection.MaxIds);
            var page = await grains.GetGrain<ICrmDirectoryGrain>(user.WorkspaceId).ListCustomersAsync(query);
            return (page.Items.Select(c => c.CustomerId).ToList(), page.Total);
        });
}
