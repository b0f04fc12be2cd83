using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.Deals.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Deals;

/// <summary>A deal folded from its stream; the board folds every deal with this same class.</summary>
[GenerateSerializer, Alias("crm.deals.deal-state")]
public sealed class DealState : IEventSourcedState
{
    [Id(0)] public DealCreated? Created { get; private set; }
    [Id(1)] public string Title { get; private set; } = "";
    [Id(2)] public string StageId { get; private set; } = "";
    [Id(3)] public string StageName { get; private set; } = "";
    [Id(4)] public int Probability { get; private set; }
    [Id(5)] public StageOutcome Outcome { get; private set; }
    [Id(6)] public string? Reason { get; private set; }
    [Id(7)] public decimal Amount { get; private set; }
    [Id(8)] public string Currency { get; private set; } = "";
    [Id(9)] public DateOnly? ExpectedClose { get; private set; }
    [Id(10)] public string? OwnerId { get; private set; }
    [Id(11)] public List<string> ContactIds { get; private set; } = [];
    [Id(12)] public string? CompanyId { get; private set; }
    [Id(13)] public DateTimeOffset StageEnteredAt { get; private set; }
    [Id(14)] public DateTimeOffset UpdatedAt { get; private set; }
    [Id(15)] public long Version { get; private set; }

    public void Apply(DomainEvent @event)
    {
        Version++;
        UpdatedAt = @event.At;
        switch (@event)
        {
            case DealCreated e:
                Created = e;
                (Title, StageId, StageName, Probability, Outcome) = (e.Title, e.StageId, e.StageName, e.Probability, e.Outcome);
                (Amount, Currency, ExpectedClose, OwnerId, ContactIds, CompanyId) = (e.Amount, e.Currency, e.ExpectedClose, e.OwnerId, [.. e.ContactIds], e.CompanyId);
                StageEnteredAt = e.At;
                break;
            case DealUpdated e:
                (Title, Amount, Currency, ExpectedClose, OwnerId, ContactIds, CompanyId) = (e.Title, e.Amount, e.Currency, e.ExpectedClose, e.OwnerId, [.. e.ContactIds], e.CompanyId);
                break;
            case DealStageChanged e:
                (StageId, StageName, Probability, Outcome, Reason) = (e.StageId, e.StageName, e.Probability, e.Outcome, e.Reason);
                StageEnteredAt = e.At;
                break;
            case DealContactReplaced e:
                ContactIds = ContactIds.Select(id => id == e.OldCustomerId ? e.NewCustomerId : id).Distinct().ToList();
                break;
        }
    }

    public DealDetails ToDetails(string workspaceId, string dealId) =>
        new(workspaceId, dealId, Title, Created!.PipelineId, StageId, StageName, Probability, Outcome, Reason, Amount, Currency,
            ExpectedClose, OwnerId, ContactIds.ToList(), CompanyId, Created.At, StageEnteredAt, UpdatedAt, Version);
}
