using Crm.Grains.Abstractions.Deals;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.Deals.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Deals;

/// <summary>A deal folded from its stream; the board folds every deal with this same class.</summary>
public sealed class DealState : IEventSourcedState
{
    public DealCreated? Created { get; private set; }
    public string Title { get; private set; } = "";
    public string StageId { get; private set; } = "";
    public string StageName { get; private set; } = "";
    public int Probability { get; private set; }
    public StageOutcome Outcome { get; private set; }
    public string? Reason { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public DateOnly? ExpectedClose { get; private set; }
    public string? OwnerId { get; private set; }
    public List<string> ContactIds { get; private set; } = [];
    public string? CompanyId { get; private set; }
    public DateTimeOffset StageEnteredAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

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
