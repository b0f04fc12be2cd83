using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Ai.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Ai;

/// <summary>Month totals only: a budget check never needs the individual calls.</summary>
[GenerateSerializer, Alias("crm.ai.ai-usage-state")]
public sealed class AiUsageState : IEventSourcedState
{
    [Id(0)] public SortedDictionary<string, AiUsageMonth> Months { get; } = new(StringComparer.Ordinal);

    public void Apply(DomainEvent @event)
    {
        if (@event is not AiTokensUsed e) return;
        var month = Months.GetValueOrDefault(e.Month) ?? new AiUsageMonth(e.Month, 0, 0);
        Months[e.Month] = month with { Tokens = month.Tokens + e.Tokens, Calls = month.Calls + 1 };
    }
}
