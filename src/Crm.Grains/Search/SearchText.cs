using System.Globalization;
using System.Text;

namespace Crm.Grains.Search;

/// <summary>
/// Engine-independent text rules: accent folding (Zoë → zoe), the words of a text with their offsets, and the
/// lower-case values the filters compare. Engines analyse alike (Lucene: standard tokenizer, lower case, ASCII folding),
/// so the highlighter marks what the engine matched.
/// </summary>
public static class SearchText
{
    /// <summary>Lower case without diacritics; letters of every script are kept.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            // As Lucene's ASCII folding does, so highlights agree with what the engine matched.
            builder.Append(c switch
            {
                'ß' => "ss", 'ø' or 'Ø' => "o", 'æ' or 'Æ' => "ae", 'œ' or 'Œ' => "oe", 'ł' or 'Ł' => "l", 'đ' or 'Đ' => "d",
                _ => char.ToLowerInvariant(c).ToString(),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of <paramref name="text"/> (runs of letters and digits) as (start, length, folded word).</summary>
    public static IEnumerable<(int Start, int Length, string Word)> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text, i)) i++;
            var start = i;
            while (i < text.Length && IsWordChar(text, i)) i += char.IsSurrogatePair(text, i) ? 2 : 1;
            if (i > start) yield return (start, i - start, Fold(text[start..i]));
        }
    }

    /// <summary>The folded words of a query, each at most <paramref name="maxLength"/> characters.</summary>
    public static IReadOnlyList<string> QueryWords(string text, int maxLength = 40) =>
        Words(text).Select(w => w.Word.Length > maxLength ? w.Word[..maxLength] : w.Word).Distinct().ToList();

    /// <summary>Typos forgiven in a query word: none up to 3 characters, one up to 7, two from 8 (every engine uses it).</summary>
    public static int MaxEdits(int length) => length >= 8 ? 2 : length >= 4 ? 1 : 0;

    /// <summary>
    /// Typos forgiven in a typed query word: <see cref="MaxEdits"/> for a word of letters; none for an address or a code
    /// typed whole ("thomas.obrien704", "ab12"), where two edits' automaton over a long compound was the slowest part of
    /// a search and found nothing the email and prefix clauses do not.
    /// </summary>
    public static int TypoAllowance(string word) => word.All(char.IsLetter) ? MaxEdits(word.Length) : 0;

    /// <summary>
    /// The shortest last word of a query that is also looked up as the start of a message word: two letters start most
    /// words of every message (names and addresses are matched by prefix from one letter).
    /// </summary>
    public const int MessagePrefixMinimum = 3;

    /// <summary>Whether <paramref name="word"/> is what <paramref name="queryWord"/> asked for: equal, a prefix, or the same within <see cref="MaxEdits"/>.</summary>
    public static bool Matches(string word, string queryWord)
    {
        if (word.StartsWith(queryWord, StringComparison.Ordinal)) return true;
        var edits = MaxEdits(queryWord.Length);
        // Every engine keeps the first letter exact (prefix length 1), so a word starting otherwise was not matched.
        if (edits == 0 || word.Length == 0 || word[0] != queryWord[0]) return false;
        // As typed so far: compare with the word's start of the same length (one shorter or longer for a missed or extra letter).
        for (var length = queryWord.Length - edits; length <= queryWord.Length + edits; length++)
        {
            if (length < 1 || length > word.Length) continue;
            if (Distance(word[..length], queryWord, edits) <= edits) return true;
        }

        return false;
    }

    /// <summary>Optimal-string-alignment distance (a swap of two letters counts once), cut short past <paramref name="max"/>.</summary>
    private static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }

    private static bool IsWordChar(string text, int i) =>
        char.IsLetterOrDigit(text, i) || CharUnicodeInfo.GetUnicodeCategory(text, i) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
