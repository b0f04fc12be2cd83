using Crm.Grains.Abstractions.FollowUps;
using Crm.Grains.EventSourcing;
using Crm.Grains.FollowUps.Events;

namespace Crm.Grains.FollowUps;

/// <summary>A follow-up folded from its stream; the follow-up list folds every one with this same class.</summary>
public sealed class FollowUpState : IEventSourcedState
{
    public FollowUpScheduled? Scheduled { get; private set; }
    public string? CustomerId { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    public FollowUpCompleted? Completed { get; private set; }

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case FollowUpScheduled e:
                Scheduled = e;
                CustomerId = e.CustomerId;
                break;
            case FollowUpReminded e:
                RemindedAt = e.At;
                break;
            case FollowUpCompleted e:
                Completed = e;
                break;
            case FollowUpRelinked e when CustomerId == e.OldCustomerId:
                CustomerId = e.NewCustomerId;
                break;
        }
    }

    public FollowUpDetails ToDetails(string workspaceId, string followUpId)
    {
        var s = Scheduled!;
        return new FollowUpDetails(workspaceId, followUpId, s.Title, s.DueAt, s.RemindAt, s.OwnerId, CustomerId, s.DealId, s.CompanyId,
            s.At, s.By, RemindedAt, Completed?.At, Completed?.By);
    }
}
