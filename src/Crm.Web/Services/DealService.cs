using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Web.Identity;
using Crm.Web.LiveFeed;
using Crm.Web.Security.Authorization;

namespace Crm.Web.Services;

/// <summary>Deals, boards, forecasts and pipelines for the console and the API. A sales rep changes only their own deals.</summary>
public sealed class DealService(IGrainFactory grains, LiveFeedRelay feed)
{
    public Task<IReadOnlyList<DealDetails>> ListAsync(WorkspaceUser user, DealQuery query) => Board(user).ListAsync(query);

    public async Task<DealBoardView> BoardAsync(WorkspaceUser user, string? pipelineId, string? ownerId = null)
    {
        var pipeline = await Pipelines(user).GetAsync(pipelineId ?? (await Pipelines(user).GetAllAsync())[0].PipelineId);
        var deals = await Board(user).ListAsync(new DealQuery(PipelineId: pipeline.PipelineId, OwnerId: ownerId));
        return new DealBoardView(pipeline, pipeline.Stages.Select(s => new DealColumn(s, deals.Where(d => d.StageId == s.StageId).ToList())).ToList());
    }

    public Task<DealDetails> GetAsync(WorkspaceUser user, string dealId) => Deal(user, dealId).GetDetailsAsync();

    public Task<DealDetails> CreateAsync(WorkspaceUser user, string? dealId, CreateDeal command)
    {
        user.Require(CrmPolicies.Sell);
        // A rep's new deal is theirs, whoever they name.
        var owner = user.AsOwner() ?? command.OwnerId ?? user.AgentId;
        return Deal(user, dealId ?? Ids.New()).CreateAsync(command with { OwnerId = owner, Actor = user.Actor });
    }

    public Task<DealDetails> UpdateAsync(WorkspaceUser user, string dealId, UpdateDeal command)
    {
        user.Require(CrmPolicies.Sell);
        return Deal(user, dealId).UpdateAsync(command with { Actor = user.Actor, AsOwner = user.AsOwner() });
    }

    public Task<DealDetails> MoveAsync(WorkspaceUser user, string dealId, string? stageId, string? reason)
    {
        user.Require(CrmPolicies.Sell);
        return Deal(user, dealId).MoveAsync(new MoveDeal(stageId ?? "", reason, user.Actor, user.AsOwner()));
    }

    public Task<IReadOnlyList<ForecastRow>> ForecastAsync(WorkspaceUser user, string from, string to) => Board(user).GetForecastAsync(from, to);

    public Task<IReadOnlyList<PipelineDefinition>> PipelinesAsync(WorkspaceUser user) => Pipelines(user).GetAllAsync();

    public Task<IReadOnlyList<PipelineDefinition>> DefinePipelineAsync(WorkspaceUser user, DefinePipeline command)
    {
        user.Require(CrmPolicies.Administer);
        return Pipelines(user).DefineAsync(command with { Actor = user.Actor });
    }

    /// <summary>
    /// Every deal change of the user's workspace as it commits, for live boards; <paramref name="reload"/> runs instead
    /// when the board fell too far behind the feed and must read the board again. Dispose to stop.
    /// </summary>
    public IDisposable Subscribe(WorkspaceUser user, Func<DealDetails, Task> onDeal, Func<Task> reload) =>
        feed.Subscribe(user.WorkspaceId, item => item is DealFeedItem d ? onDeal(d.Deal) : Task.CompletedTask, reload);

    private IDealBoardGrain Board(WorkspaceUser user) => grains.GetGrain<IDealBoardGrain>(user.WorkspaceId);

    private IPipelinesGrain Pipelines(WorkspaceUser user) => grains.GetGrain<IPipelinesGrain>(user.WorkspaceId);

    private IDealGrain Deal(WorkspaceUser user, string dealId) =>
        grains.GetGrain<IDealGrain>(GrainKeys.Scoped(user.WorkspaceId, Ids.Require(dealId, "deal")));
}
