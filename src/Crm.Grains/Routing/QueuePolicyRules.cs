using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Routing;

namespace Crm.Grains.Routing;

/// <summary>What an admin may set as a queue's policy, checked before anything is recorded.</summary>
public static class QueuePolicyRules
{
    /// <summary>The policy with its ids normalized (lowercase, skills sorted), or a validation error that says what is wrong.</summary>
    public static QueuePolicy Require(string queueId, QueuePolicy? policy)
    {
        if (policy is null || !Enum.IsDefined(policy.Assignment))
            throw new DomainException(DomainErrorKind.Invalid, "A queue needs an assignment policy: manual, least-loaded or round-robin.");
        var teamId = policy.TeamId is null ? null : Ids.Require(policy.TeamId.Trim().ToLowerInvariant(), "team");
        var skills = RoutingTags.Require(policy.RequiredSkills, "skill");

        if (policy.OfferTimeout is { } timeout)
        {
            if (policy.Assignment == AssignmentPolicy.Manual)
                throw new DomainException(DomainErrorKind.Invalid, "Offers need a policy that picks the agent: least-loaded or round-robin.");
            if (timeout < RoutingDefaults.MinOfferTimeout || timeout > RoutingDefaults.MaxOfferTimeout)
                throw new DomainException(DomainErrorKind.Invalid,
                    $"An offer timeout must be {RoutingDefaults.MinOfferTimeout.TotalSeconds:0} s to {RoutingDefaults.MaxOfferTimeout.TotalMinutes:0} min.");
        }

        var overflowTo = policy.OverflowQueueId is null ? null : Ids.Require(policy.OverflowQueueId.Trim().ToLowerInvariant(), "overflow queue");
        if ((policy.OverflowAfter is null) != (overflowTo is null))
            throw new DomainException(DomainErrorKind.Invalid, "An overflow rule needs both a time and a queue to move work to.");
        if (overflowTo == queueId)
            throw new DomainException(DomainErrorKind.Invalid, "A queue cannot overflow into itself.");
        if (policy.OverflowAfter is { } after && (after < RoutingDefaults.MinOverflowAfter || after > RoutingDefaults.MaxOverflowAfter))
            throw new DomainException(DomainErrorKind.Invalid,
                $"Overflow must come after {RoutingDefaults.MinOverflowAfter.TotalSeconds:0} s to {RoutingDefaults.MaxOverflowAfter.TotalHours:0} h.");

        return new QueuePolicy(policy.Assignment, teamId, skills, policy.OfferTimeout, policy.OverflowAfter, overflowTo);
    }

    /// <summary>Equal by value (the record compares its skill list by reference).</summary>
    public static bool Same(QueuePolicy a, QueuePolicy b) =>
        a with { RequiredSkills = null } == b with { RequiredSkills = null } && RoutingTags.SameSet(a.RequiredSkills, b.RequiredSkills);
}
