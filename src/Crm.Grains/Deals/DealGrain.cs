using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.LiveFeed;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.Abstractions.Time;
using Crm.Grains.Deals.Events;
using Crm.Grains.EventSourcing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Grains.Deals;

/// <summary>
/// A deal. Not reentrant: two reps dragging the same card at once are applied one after the other, and both boards
/// end on the last one. After each commit the deal is pushed to every web node (one-way), so open boards move live.
/// </summary>
public sealed class DealGrain(IEventStore store, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : EventSourcedGrain<DealState>(store, clock), IDealGrain
{
    private (string WorkspaceId, string DealId) Key => GrainKeys.Parse(this.GetPrimaryKeyString());

    protected override string StreamId => StreamIds.For(StreamIds.DealCategory, Key.WorkspaceId, Key.DealId);

    public async Task<DealDetails> CreateAsync(CreateDeal command)
    {
        var (title, amount, currency, owner, contacts, company) =
            DealRules.Require(command.Title, command.Amount, command.Currency, command.OwnerId, command.ContactIds, command.CompanyId);
        var pipeline = await GrainFactory.GetGrain<IPipelinesGrain>(Key.WorkspaceId).GetAsync(Ids.Require(command.PipelineId, "pipeline"));
        var stage = StageOf(pipeline, command.StageId);
        if (stage.Outcome != StageOutcome.Open)
            throw new DomainException(DomainErrorKind.Invalid, $"A deal starts in an open stage, not in '{stage.Name}'.");
        var created = new DealCreated(title, pipeline.PipelineId, stage.StageId, stage.Name, stage.Probability, stage.Outcome,
            amount, currency, command.ExpectedClose, owner, contacts, company);
        if (State.Created is { } existing)
        {
            return existing with { At = default, By = "", ContactIds = created.ContactIds } == created && existing.ContactIds.SequenceEqual(created.ContactIds)
                ? Details()
                : throw new DomainException(DomainErrorKind.Conflict, "A deal with this id already exists.");
        }
        await RaiseAndAnnounceAsync(command.Actor, created);
        return Details();
    }

    public async Task<DealDetails> UpdateAsync(UpdateDeal command)
    {
        RequireCreated(command.AsOwner);
        var (title, amount, currency, owner, contacts, company) =
            DealRules.Require(command.Title, command.Amount, command.Currency, command.OwnerId, command.ContactIds, command.CompanyId);
        if (command.AsOwner is not null && owner != command.AsOwner)
            throw new DomainException(DomainErrorKind.Forbidden, "A sales rep cannot hand a deal to someone else; ask a supervisor.");
        var updated = new DealUpdated(title, amount, currency, command.ExpectedClose, owner, contacts, company);
        var unchanged = State.Title == title && State.Amount == amount && State.Currency == currency && State.ExpectedClose == command.ExpectedClose
            && State.OwnerId == owner && State.ContactIds.SequenceEqual(contacts) && State.CompanyId == company;
        if (!unchanged) await RaiseAndAnnounceAsync(command.Actor, updated);
        return Details();
    }

    public async Task<DealDetails> MoveAsync(MoveDeal command)
    {
        RequireCreated(command.AsOwner);
        var pipeline = await GrainFactory.GetGrain<IPipelinesGrain>(Key.WorkspaceId).GetAsync(State.Created!.PipelineId);
        var stage = StageOf(pipeline, command.StageId);
        var reason = DealRules.RequireReason(command.Reason, stage.Outcome != StageOutcome.Open);
        if (stage.StageId != State.StageId || reason != State.Reason)
            await RaiseAndAnnounceAsync(command.Actor, new DealStageChanged(State.StageId, stage.StageId, stage.Name, stage.Probability, stage.Outcome, reason));
        return Details();
    }

    public async Task<DealDetails> ReplaceContactAsync(ReplaceDealContact command)
    {
        RequireCreated(null);
        if (State.ContactIds.Contains(command.OldCustomerId))
            await RaiseAndAnnounceAsync(command.Actor, new DealContactReplaced(command.OldCustomerId, Ids.Require(command.NewCustomerId, "customer")));
        return Details();
    }

    public Task<DealDetails> GetDetailsAsync()
    {
        RequireCreated(null);
        return Task.FromResult(Details());
    }

    private static PipelineStage StageOf(PipelineDefinition pipeline, string? stageId) =>
        pipeline.Stage(stageId ?? "") ?? throw new DomainException(DomainErrorKind.Invalid,
            $"'{stageId}' is not a stage of pipeline '{pipeline.Name}'; use one of: {string.Join(", ", pipeline.Stages.Select(s => s.StageId))}.");

    private void RequireCreated(string? asOwner)
    {
        if (State.Created is null) throw new DomainException(DomainErrorKind.NotFound, "This deal does not exist.");
        if (asOwner is not null && State.OwnerId != asOwner)
            throw new DomainException(DomainErrorKind.Forbidden, "This deal belongs to another sales rep; only its owner, a supervisor or an admin changes it.");
    }

    private async Task RaiseAndAnnounceAsync(string actor, DomainEvent @event)
    {
        await RaiseAsync(actor, @event);
        _ = GrainFactory.GetGrain<ILiveFeedPublisherGrain>(0).PublishAsync([new DealFeedItem(Details())]);
    }

    private DealDetails Details() => State.ToDetails(Key.WorkspaceId, Key.DealId);
}
