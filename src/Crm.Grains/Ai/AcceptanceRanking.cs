using Crm.Grains.Abstractions.Ai;
using Crm.Grains.Search;

namespace Crm.Grains.Ai;

/// <summary>
/// Lets the team's verdicts move the ranking: a kind of suggestion agents keep inserting rises, one they keep
/// dismissing sinks. Only after <see cref="MinVerdicts"/> verdicts on a kind (a few clicks prove nothing), and by at most
/// a fifth of its score either way, so the signals of the conversation still decide; the reason says so.
/// </summary>
public static class AcceptanceRanking
{
    public const int MinVerdicts = 10;
    private const double Reach = 0.2;

    /// <summary>How an agent suggestion's kind is named in the verdicts ("agent.suggest-article").</summary>
    public static string KindOf(ActionKind kind) => "agent." + SearchValues.Of(kind);

    public static IReadOnlyList<NextBestAction> Rerank(IReadOnlyList<NextBestAction> actions, IReadOnlyList<SuggestionAcceptance> acceptance)
    {
        var byKind = acceptance.ToDictionary(a => a.Kind, StringComparer.Ordinal);
        return actions
            .Select(action =>
            {
                if (!byKind.TryGetValue(KindOf(action.Kind), out var counts)) return action;
                var total = counts.Accepted + counts.Edited + counts.Rejected;
                if (total < MinVerdicts) return action;
                var rate = (double)(counts.Accepted + counts.Edited) / total;
                var factor = 1 - Reach + 2 * Reach * rate;
                return action with
                {
                    Score = Math.Round(action.Score * factor, 3),
                    Signals = [.. action.Signals, new Signal("accepted by your team", Math.Round(rate, 3), Math.Round(factor - 1, 3), $"{total} verdicts")],
                };
            })
            .OrderByDescending(a => a.Score)
            .ToList();
    }
}
