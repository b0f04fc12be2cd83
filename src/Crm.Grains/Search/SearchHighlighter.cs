using Crm.Grains.Abstractions.Search;

namespace Crm.Grains.Search;

/// <summary>
/// Marks the words of a text that a query matched (exactly, as a prefix, or within its typo allowance) and picks the
/// snippet a hit shows. The same for every engine, and it only ever looks at fields the asking user may see.
/// </summary>
public static class SearchHighlighter
{
    private const int SnippetLength = 160;

    public static IReadOnlyList<HighlightSegment> Mark(string text, IReadOnlyList<string> queryWords)
    {
        var segments = new List<HighlightSegment>();
        var at = 0;
        foreach (var (start, length, word) in SearchText.Words(text))
        {
            if (!queryWords.Any(q => SearchText.Matches(word, q))) continue;
            if (start > at) segments.Add(new HighlightSegment(text[at..start], false));
            segments.Add(new HighlightSegment(text.Substring(start, length), true));
            at = start + length;
        }

        if (at < text.Length) segments.Add(new HighlightSegment(text[at..], false));
        return segments;
    }

    public static bool HasMatch(IReadOnlyList<HighlightSegment> segments) => segments.Any(s => s.Match);

    /// <summary>The hit as the user sees it: the title marked, and the first visible field that matched, cut around its first match.</summary>
    public static SearchHit Hit(SearchDocument document, SearchQuery query, double score)
    {
        var words = SearchText.QueryWords(query.Text);
        var phones = PhoneNumbers.QueryTerms(query.Text);
        var (snippet, source) = Snippet(document, query, words, phones);
        return new SearchHit(document.Kind, document.Id, Mark(document.Title, words), snippet, source, document.Subtitle,
            document.Status, document.Channel, document.AssigneeName, document.Labels, document.UpdatedAt, score);
    }

    private static (IReadOnlyList<HighlightSegment> Snippet, string? Source) Snippet(
        SearchDocument document, SearchQuery query, IReadOnlyList<string> words, IReadOnlyList<string> phones)
    {
        foreach (var phone in document.Phones)
        {
            var terms = PhoneNumbers.IndexTerms(phone);
            if (phones.Any(q => terms.Any(t => t.StartsWith(q, StringComparison.Ordinal)))) return ([new HighlightSegment(phone, true)], "phone");
        }

        var tokens = query.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(EmailFragments.QueryTerm).OfType<string>().ToList();
        foreach (var email in document.Emails)
        {
            var terms = EmailFragments.IndexTerms(email);
            if (tokens.Any(q => terms.Any(t => t.StartsWith(q, StringComparison.Ordinal)))) return ([new HighlightSegment(email, true)], "email");
            var marked = Mark(email, words);
            if (HasMatch(marked)) return (marked, "email");
        }

        foreach (var (texts, source) in Sources(document, query))
        {
            foreach (var text in texts)
            {
                var marked = Mark(Window(text, words), words);
                if (HasMatch(marked)) return (marked, source);
            }
        }

        return ([], null);
    }

    private static IEnumerable<(IReadOnlyList<string> Texts, string Source)> Sources(SearchDocument document, SearchQuery query)
    {
        yield return (document.Names, "name");
        yield return (document.Texts, "message");
        if (query.IncludeInternalNotes) yield return (document.InternalTexts, "note");
    }

    /// <summary>About <see cref="SnippetLength"/> characters of <paramref name="text"/> around its first matching word.</summary>
    private static string Window(string text, IReadOnlyList<string> words)
    {
        if (text.Length <= SnippetLength) return text;
        var first = SearchText.Words(text).FirstOrDefault(w => words.Any(q => SearchText.Matches(w.Word, q)));
        var start = Math.Clamp(first.Start - SnippetLength / 3, 0, text.Length - SnippetLength);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
        var end = Math.Min(text.Length, start + SnippetLength);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}
