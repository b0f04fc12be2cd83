using System.Collections.Frozen;

namespace Crm.Ai.Text;

/// <summary>
/// How negative a customer sounds, 0 (calm) to 1 (furious), from a small lexicon plus shouting and repetition cues.
/// A lexicon, not a model: it is explainable ("'unacceptable', 'third time', shouting") and fast enough to run on
/// every message.
/// </summary>
public static class Sentiment
{
    private static readonly FrozenDictionary<string, double> Words = new Dictionary<string, double>
    {
        ["angry"] = 0.5, ["furious"] = 0.7, ["unacceptable"] = 0.6, ["ridiculous"] = 0.5, ["terrible"] = 0.5, ["awful"] = 0.5,
        ["horrible"] = 0.5, ["worst"] = 0.6, ["useless"] = 0.5, ["disgusting"] = 0.6, ["scam"] = 0.7, ["fraud"] = 0.7,
        ["lawyer"] = 0.8, ["sue"] = 0.7, ["complaint"] = 0.5, ["disappointed"] = 0.4, ["frustrated"] = 0.5, ["frustrating"] = 0.5,
        ["annoyed"] = 0.4, ["fed"] = 0.3, ["joke"] = 0.4, ["pathetic"] = 0.6, ["incompetent"] = 0.6, ["rude"] = 0.4,
        ["never"] = 0.15, ["nobody"] = 0.3, ["ignored"] = 0.4, ["ignoring"] = 0.4, ["waste"] = 0.4, ["wtf"] = 0.6, ["hate"] = 0.5,
        ["sick"] = 0.3, ["chargeback"] = 0.7, ["unhappy"] = 0.4, ["upset"] = 0.4, ["outraged"] = 0.7, ["shameful"] = 0.6,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] Phrases =
    [
        "third time", "second time", "again and again", "still waiting", "still not", "no one", "fed up", "cancel everything",
        "never again", "last time", "not acceptable", "waste of time", "this is a joke", "what is going on", "how many times",
        "want my money back", "report you", "bad review",
    ];

    public sealed record Reading(double Score, IReadOnlyList<string> Cues);

    public static Reading Read(string text)
    {
        var cues = new List<string>();
        var score = 0.0;
        var lower = text.ToLowerInvariant();
        foreach (var word in lower.Split([' ', ',', '.', '!', '?', ';', ':', '\n', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Words.TryGetValue(word, out var weight))
            {
                score += weight;
                cues.Add($"'{word}'");
            }
        }
        foreach (var phrase in Phrases.Where(p => lower.Contains(p, StringComparison.Ordinal)))
        {
            score += 0.35;
            cues.Add($"'{phrase}'");
        }
        var shouted = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Length >= 3 && w.Any(char.IsLetter) && w.Where(char.IsLetter).All(char.IsUpper));
        if (shouted >= 2)
        {
            score += 0.3;
            cues.Add("shouting");
        }
        if (text.Contains("!!", StringComparison.Ordinal) || text.Contains("?!", StringComparison.Ordinal))
        {
            score += 0.2;
            cues.Add("'!!'");
        }
        return new Reading(Math.Min(1, score), cues);
    }
}
