using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Ai.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Ai;

[GenerateSerializer, Alias("crm.ai.suggestion-feedback-state")]
public sealed class SuggestionFeedbackState : IEventSourcedState
{
    [Id(0)] public SortedDictionary<string, SuggestionAcceptance> ByKind { get; } = new(StringComparer.Ordinal);

    [Id(1)] public HashSet<string> Decided { get; } = new(StringComparer.Ordinal);

    public void Apply(DomainEvent @event)
    {
        if (@event is not SuggestionFeedbackRecorded e) return;
        Decided.Add(e.SuggestionId);
        var counts = ByKind.GetValueOrDefault(e.Kind) ?? new SuggestionAcceptance(e.Kind, 0, 0, 0);
        ByKind[e.Kind] = e.Verdict switch
        {
            SuggestionVerdict.Accepted => counts with { Accepted = counts.Accepted + 1 },
            SuggestionVerdict.Edited => counts with { Edited = counts.Edited + 1 },
            _ => counts with { Rejected = counts.Rejected + 1 },
        };
    }
}
