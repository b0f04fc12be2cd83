using System.Collections.Frozen;
using System.Text;

namespace Crm.Ai.Text;

/// <summary>
/// Words for lexical scoring: lower case, letters and digits, stop words dropped, a light suffix stemmer so
/// "refunds", "refunded" and "refunding" meet. Deliberately simple: the embeddings carry meaning, this carries exact terms.
/// </summary>
public static class TextTokens
{
    private static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
        "was", "were", "be", "been", "am", "do", "does", "did", "i", "me", "my", "we", "our", "you", "your", "it", "its", "this",
        "that", "these", "those", "can", "could", "would", "should", "will", "what", "how", "why", "when", "where", "which",
        "who", "there", "here", "so", "not", "no", "yes", "have", "has", "had", "get", "got", "just", "please", "hi", "hello",
        "hey", "thanks", "thank", "any", "some", "about", "up", "out", "into", "than", "then", "them", "they", "he", "she",
        "his", "her", "im", "ive", "dont", "cant", "want", "need", "help", "still", "also", "too", "very", "much", "all",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (c == '\'') continue;
            else Flush();
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (word.Length == 0) return;
            var w = word.ToString();
            word.Clear();
            if (!StopWords.Contains(w)) tokens.Add(Stem(w));
        }
    }

    /// <summary>Strips the common English inflections; never shortens a word below three letters.</summary>
    public static string Stem(string word)
    {
        foreach (var (suffix, replacement) in Suffixes)
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
                return word[..^suffix.Length] + replacement;
        }
        return word;
    }

    private static readonly (string Suffix, string Replacement)[] Suffixes =
    [
        ("ations", "ate"), ("ation", "ate"), ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("es", ""),
        ("ly", ""), ("s", ""),
    ];
}
