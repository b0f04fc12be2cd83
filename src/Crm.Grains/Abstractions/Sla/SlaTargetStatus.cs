namespace Crm.Grains.Abstractions.Sla;

/// <summary>
/// One SLA target as of <see cref="SlaStatus.EvaluatedAt"/>. A target is breached when the instant it is evaluated at
/// (the reply or resolution for a completed target, otherwise now) is at or after <see cref="Due"/>: the window to meet
/// it is [<see cref="StartedAt"/>, <see cref="Due"/>).
/// </summary>
/// <param name="Due">
/// When the target breaches (UTC), later by the business time spent paused. While paused, the due instant if the pause
/// ended at the evaluation instant.
/// </param>
/// <param name="Remaining">
/// Business time left (negative: overdue by that much), frozen while paused and once completed.
/// </param>
/// <param name="IsPaused">Not completed and a pause covers the evaluation instant (a breached target can be paused too).</param>
/// <param name="CompletedAt">The reply or resolution that stopped the clock; null while it runs.</param>
[GenerateSerializer, Immutable, Alias("crm.sla.target-status")]
public sealed record SlaTargetStatus(
    SlaMetric Metric,
    TimeSpan Target,
    DateTimeOffset StartedAt,
    DateTimeOffset Due,
    TimeSpan Remaining,
    bool IsPaused,
    bool IsBreached,
    DateTimeOffset? BreachedAt,
    DateTimeOffset? CompletedAt)
{
    /// <summary>Still counting down: not completed, not paused, not breached. Only these need a breach timer.</summary>
    public bool IsRunning => CompletedAt is null && !IsPaused && !IsBreached;
}
