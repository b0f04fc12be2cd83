using Crm.Grains.Abstractions.FollowUps;
using Crm.Grains.EventSourcing;
using Crm.Grains.FollowUps.Events;

namespace Crm.Grains.FollowUps;

/// <summary>A follow-up folded from its stream; the follow-up list folds every one with this same class.</summary>
[GenerateSerializer, Alias("crm.follow-ups.follow-up-state")]
public sealed class FollowUpState : IEventSourcedState
{
    [Id(0)] public FollowUpScheduled? Scheduled { get; private set; }
    [Id(1)] public string? CustomerId { get; private set; }
    [Id(2)] public DateTimeOffset? RemindedAt { get; private set; }
    [Id(3)] public FollowUpCompleted? Completed { get; private set; }

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
