using System.Collections.Immutable;
using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Sla;

/// <summary>
/// A conversation's SLA targets as of <see cref="EvaluatedAt"/>, in <see cref="SlaMetric"/> order; a target the policy
/// does not set, or that has not started (next response before a follow-up), is absent.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm.sla.status")]
public sealed record SlaStatus(Priority Priority, DateTimeOffset EvaluatedAt, ImmutableArray<SlaTargetStatus> Targets)
{
    /// <summary>When the next running target breaches: the instant for the grain's durable timer; null when none runs.</summary>
    public DateTimeOffset? NextBreachAt =>
        (Targets.IsDefault ? [] : Targets).Where(t => t.IsRunning).Select(t => (DateTimeOffset?)t.Due).Min();

    public bool IsAnyBreached => !Targets.IsDefault && Targets.Any(t => t.IsBreached);

    public SlaTargetStatus? For(SlaMetric metric) => (Targets.IsDefault ? [] : Targets).FirstOrDefault(t => t.Metric == metric);

    public bool Equals(SlaStatus? other) =>
        other is not null
        && Priority == other.Priority
        && EvaluatedAt == other.EvaluatedAt
        && SequenceEquality.Equal(Targets, other.Targets);

    public override int GetHashCode() => HashCode.Combine(Priority, EvaluatedAt, SequenceEquality.Hash(Targets));
}
