namespace Crm.Grains.Abstractions.Ai;

/// <summary>
/// Words that read like buying intent, with how much each counts. One list, read by the engine (to suggest and weigh
/// a follow-up) and by the web node's live feed filter (to refresh My day only when a message could matter).
/// </summary>
public static class BuyingSignals
{
    private static readonly (string Cue, double Weight)[] Cues =
    [
        ("quote", 0.9), ("pricing", 0.8), ("price", 0.8), ("license", 0.8), ("licence", 0.8), ("contract", 0.8),
        ("upgrade", 0.7), ("buy", 0.7), ("purchase", 0.7), ("demo", 0.6), ("trial", 0.5), ("seats", 0.5), ("plan", 0.3),
    ];

    /// <summary>The cues found in <paramref name="text"/> (whole words or their plural/-ing forms), each once.</summary>
    public static IReadOnlyList<Signal> Find(string text)
    {
        var words = text.ToLowerInvariant().Split((char[])[' ', '\t', '\n', '\r', ',', '.', '!', '?', ';', ':', '(', ')', '"', '\'', '/'],
            StringSplitOptions.RemoveEmptyEntries);
        return Cues.Where(c => words.Any(w => w == c.Cue || w == c.Cue + "s" || w == c.Cue + "d" || w == c.Cue + "ing" || w == c.Cue + "ed"))
            .Select(c => new Signal($"mentions \"{c.Cue}\"", 1, c.Weight))
            .ToList();
    }

    public static bool Any(string text) => Find(text).Count > 0;
}
