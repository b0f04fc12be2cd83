using Crm.Grains.Abstractions.Conversations;

namespace Crm.Grains.Abstractions.Sla;

/// <summary>The targets for one priority, in business time; a null target is not tracked.</summary>
[GenerateSerializer, Immutable, Alias("crm.sla.targets")]
public sealed record SlaTargets(Priority Priority, TimeSpan? FirstResponse, TimeSpan? NextResponse, TimeSpan? Resolution)
{
    public TimeSpan? For(SlaMetric metric) => metric switch
    {
        SlaMetric.FirstResponse => FirstResponse,
        SlaMetric.NextResponse => NextResponse,
        SlaMetric.Resolution => Resolution,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown SLA metric."),
    };
}
