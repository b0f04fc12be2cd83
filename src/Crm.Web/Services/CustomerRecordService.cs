using Crm.Grains.Abstractions.Customers;
using Crm.Grains.Abstractions.Directory;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>Customer 360 for the console and the API: lists, the record with its duplicates, saves, the timeline, merges.</summary>
public sealed class CustomerRecordService(IGrainFactory grains)
{
    public Task<ListPage<CustomerDetails>> ListAsync(WorkspaceUser user, CustomerQuery query) =>
        Directory(user).ListCustomersAsync(query);

    /// <summary>The customer; a merged id answers with the survivor's (the caller sees the redirect in <see cref="CustomerDetails.CustomerId"/>).</summary>
    public async Task<CustomerDetails> GetAsync(WorkspaceUser user, string customerId)
    {
        var details = await Customer(user, customerId).GetDetailsAsync();
        for (var hops = 0; details.MergedInto is { } survivor && hops < 10; hops++)
            details = await Customer(user, survivor).GetDetailsAsync();
        return details;
    }

    /// <summary>Creates (with a new id when none is given) or updates; returns the record and any suspected duplicates of it.</summary>
    public async Task<SavedCustomer> SaveAsync(WorkspaceUser user, string? customerId, SaveCustomer command)
    {
        user.Require(CrmPolicies.Staff);
        var id = customerId ?? Ids.New();
        var saved = await Customer(user, id).SaveAsync(command with { Actor = user.Actor });
        return new SavedCustomer(saved, await DuplicatesOfAsync(user, saved));
    }

    public async Task<IReadOnlyList<DuplicateMatch>> DuplicatesAsync(WorkspaceUser user, string customerId) =>
        await DuplicatesOfAsync(user, await GetAsync(user, customerId));

    public Task<IReadOnlyList<DuplicatePair>> ReviewQueueAsync(WorkspaceUser user, int limit) =>
        Directory(user).GetSuspectedDuplicatesAsync(limit);

    public Task<TimelinePage> TimelineAsync(WorkspaceUser user, string customerId, TimelineQuery query) =>
        Customer(user, customerId).GetTimelineAsync(query);

    public Task<TimelineEntry> LogActivityAsync(WorkspaceUser user, string customerId, ActivityKind kind, string? text, string? activityId) =>
        Customer(user, customerId).LogActivityAsync(new LogActivity(activityId ?? Ids.New(), kind, text ?? "", user.Actor));

    public Task<MergeResult> MergeAsync(WorkspaceUser user, string survivorId, string? duplicateId, IReadOnlyDictionary<string, string>? keep)
    {
        user.Require(CrmPolicies.Sell);
        if (string.IsNullOrWhiteSpace(duplicateId)) throw new DomainException(DomainErrorKind.Invalid, "Name the duplicate to merge (duplicateId).");
        return Customer(user, survivorId).MergeAsync(new MergeCustomer(user.WorkspaceId, duplicateId, keep, user.Actor));
    }

    private Task<IReadOnlyList<DuplicateMatch>> DuplicatesOfAsync(WorkspaceUser user, CustomerDetails c) =>
        Directory(user).FindDuplicatesAsync(new DuplicateProbe(c.CustomerId, c.Name, c.Email, c.Phone, c.CompanyId));

    private ICrmDirectoryGrain Directory(WorkspaceUser user) => grains.GetGrain<ICrmDirectoryGrain>(user.WorkspaceId);

    private ICustomerGrain Customer(WorkspaceUser user, string customerId) =>
        grains.GetGrain<ICustomerGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(customerId, "customer")));
}
