using System.Collections.Immutable;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.Abstractions.Sla;

/// <summary>
/// SLA targets per priority, counted in the business time of a <see cref="BusinessCalendar"/> (use
/// <see cref="BusinessCalendar.AlwaysOpen"/> for elapsed-time targets). A priority without an entry has no SLA.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.sla.policy")]
public sealed record SlaPolicy(ImmutableArray<SlaTargets> Targets)
{
    /// <summary>A validated policy with its targets sorted by priority.</summary>
    public static SlaPolicy Create(params IEnumerable<SlaTargets> targets)
    {
        // A JSON array may carry nulls; sorting them would throw a NullReferenceException instead of explaining.
        var list = targets.ToList();
        if (list.Any(t => t is null))
            throw Invalid("SLA targets must not contain empty entries: each names a priority and its targets.");
        return new SlaPolicy([.. list.OrderBy(t => t.Priority)]).Validate();
    }

    /// <summary>Throws a <see cref="DomainException"/> (Invalid) naming the first problem; returns the policy otherwise.</summary>
    public SlaPolicy Validate()
    {
        var seen = new HashSet<Priority>();
        foreach (var targets in Targets.IsDefault ? [] : Targets)
        {
            if (!Enum.IsDefined(targets.Priority))
                throw Invalid($"'{(int)targets.Priority}' is not a priority.");
            if (!seen.Add(targets.Priority))
                throw Invalid($"The policy has more than one set of targets for {targets.Priority} priority.");
            foreach (var metric in Enum.GetValues<SlaMetric>())
            {
                if (targets.For(metric) is { } target && target <= TimeSpan.Zero)
                    throw Invalid($"The {metric} target for {targets.Priority} priority must be longer than zero; leave it empty for no target.");
            }
        }

        return this;
    }

    /// <summary>The targets for <paramref name="priority"/>, or null when the policy sets none.</summary>
    public SlaTargets? For(Priority priority) =>
        (Targets.IsDefault ? [] : Targets).FirstOrDefault(t => t.Priority == priority);

    public bool Equals(SlaPolicy? other) => other is not null && SequenceEquality.Equal(Targets, other.Targets);

    public override int GetHashCode() => SequenceEquality.Hash(Targets);

    private static DomainException Invalid(string message) => new(DomainErrorKind.Invalid, message);
}
