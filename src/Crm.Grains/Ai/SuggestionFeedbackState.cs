using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Ai.Events;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.Ai;

[GenerateSerializer, Alias("crm.ai.suggestion-feedback-state")]
public sealed class SuggestionFeedbackState : IEventSourcedState
{
    [Id(0)] public SortedDictionary<string, SuggestionAcceptance> ByKind { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// How many decided suggestion ids are remembered. An id names one occasion (a deal idle since a given day), so old
    /// ones stop coming back by themselves; the oldest are forgotten first and the set stays small in a busy workspace.
    /// </summary>
    public const int MaxDecided = 10_000;

    [Id(1)] public HashSet<string> Decided { get; } = new(StringComparer.Ordinal);

    /// <summary>The remembered ids, oldest first (snapshots from before it have an empty queue and keep their ids).</summary>
    [Id(2)] public Queue<string> DecidedOrder { get; } = new();

    public void Apply(DomainEvent @event)
    {
        if (@event is not SuggestionFeedbackRecorded e) return;
        if (Decided.Add(e.SuggestionId))
        {
            DecidedOrder.Enqueue(e.SuggestionId);
            while (DecidedOrder.Count > MaxDecided) Decided.Remove(DecidedOrder.Dequeue());
        }
        var counts = ByKind.GetValueOrDefault(e.Kind) ?? new SuggestionAcceptance(e.Kind, 0, 0, 0);
        ByKind[e.Kind] = e.Verdict switch
        {
            SuggestionVerdict.Accepted => counts with { Accepted = counts.Accepted + 1 },
            SuggestionVerdict.Edited => counts with { Edited = counts.Edited + 1 },
            _ => counts with { Rejected = counts.Rejected + 1 },
        };
    }
}
