namespace Crm.Ai.Text;

/// <summary>
/// Whether a customer asks the team to act on their own case ("my parcel never came", "I want a refund") rather than
/// asks how something works: a case needs its details before anyone can act; a question needs an answer.
/// </summary>
public static class Intent
{
    private static readonly string[] CaseCues =
    [
        "my order", "my package", "my parcel", "my item", "my device", "my speaker", "my refund", "my money", "my delivery",
        "i ordered", "i received", "i got", "i bought", "arrived", "broken", "damaged", "cracked", "never came", "never arrived",
        "not arrived", "hasn't arrived", "has not arrived", "didn't arrive", "did not arrive", "missing", "stopped working",
        "doesn't work", "does not work", "not working", "want a refund", "want my money", "refund me", "i want to return",
        "i'd like to return", "i would like to return", "wrong item", "charged twice", "double charged", "stolen",
    ];

    public static bool IsCaseRequest(string text) =>
        CaseCues.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] OtherAccountCues =
    [
        "other email", "another email", "other account", "another account", "two accounts", "second account", "old email",
        "older account", "work account", "different address", "different email", "link them", "combine them", "merge",
    ];

    /// <summary>The customer says they wrote before as someone else: their records are probably split in two.</summary>
    public static bool MentionsOtherAccount(string text) =>
        OtherAccountCues.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase));

    /// <summary>A message that only greets, thanks or closes: nothing to look up.</summary>
    public static bool IsSmallTalk(string text)
    {
        var words = TextTokens.Tokenize(text);
        var lower = text.ToLowerInvariant();
        return words.Count <= 3 && (lower.Contains("thank") || lower.Contains("bye") || lower.StartsWith("hi") || lower.StartsWith("hello") || lower.StartsWith("hey")
            || lower.Contains("great") || lower.Contains("perfect") || lower.Contains("ok") || lower.Contains("cheers"));
    }
}
