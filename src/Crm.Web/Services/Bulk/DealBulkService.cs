using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Keys;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services.Bulk;

/// <summary>
/// Bulk actions on the deals list: assign an owner, move to a stage. Each deal goes through DealService as a single
/// edit does, so a sales rep changes only their own deals (the others fail with the grain's reason).
/// </summary>
public sealed class DealBulkService(IGrainFactory grains, DealService deals, AgentDirectory people)
{
    public static readonly string[] Filters = ["pipeline", "stage", "owner", "q"];

    public async Task<BulkResult> AssignOwnerAsync(WorkspaceUser user, BulkSelection selection, string? ownerId)
    {
        user.Require(CrmPolicies.Sell);
        var owner = await BulkOwner.RequireMemberAsync(people, user, ownerId);
        return await RunAsync(user, selection, async d =>
        {
            if (d.OwnerId == owner) return BulkItem.Skip(d.DealId, $"already owned by {owner}");
            await deals.UpdateAsync(user, d.DealId, new UpdateDeal(d.Title, d.Amount, d.Currency, d.ExpectedClose, owner, d.ContactIds, d.CompanyId, ""));
            return BulkItem.Done(d.DealId);
        });
    }

    public async Task<BulkResult> MoveStageAsync(WorkspaceUser user, BulkSelection selection, string? stageId, string? reason)
    {
        user.Require(CrmPolicies.Sell);
        var stage = string.IsNullOrWhiteSpace(stageId) ? throw BulkSelection.Invalid("Name the stage: stageId.") : stageId.Trim();
        return await RunAsync(user, selection, async d =>
        {
            if (d.StageId == stage) return BulkItem.Skip(d.DealId, $"already in {d.StageName}");
            await deals.MoveAsync(user, d.DealId, stage, reason);
            return BulkItem.Done(d.DealId);
        });
    }

    private async Task<BulkResult> RunAsync(WorkspaceUser user, BulkSelection selection, Func<DealDetails, Task<BulkItem>> action)
    {
        var (ids, matched) = await SelectAsync(user, selection);
        return await BulkRunner.RunAsync(ids, matched, async id =>
            await action(await grains.GetGrain<IDealGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(id, "deal"))).GetDetailsAsync()));
    }

    private Task<(IReadOnlyList<string> Ids, int Matched)> SelectAsync(WorkspaceUser user, BulkSelection selection) =>
        selection.ResolveAsync(Filters, async () =>
        {
            var all = await deals.ListAsync(user, new DealQuery(selection.FilterValue("pipeline"), selection.FilterValue("stage"),
                selection.FilterValue("owner"), Text: selection.FilterValue("q")));
            return (all.Select(d => d.DealId).ToList(), all.Count);
        });
}
