using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Crm.Silo.Infrastructure.Search.Lucene;

/// <summary>
/// Builds queries from plain words, never through a query parser: no character of the user's text has a syntax
/// meaning (":", quotes, brackets, "*", "~", "AND", a trailing dot are just text). Each typed word must match somewhere:
/// whole word, prefix (edge n-grams; the last word of a message search also by prefix), or within its typo allowance;
/// a word that looks like an email fragment or a phone number is also looked up as one. Internal notes are queried,
/// and deals found, only when the query says the user may see them. The same query finds conversations by their log
/// documents (<see cref="LuceneJoinedSearch"/>), which carry the fields it asks of messages.
/// </summary>
internal static class LuceneQueryBuilder
{
    /// <summary>The text part of the query; null when the text has nothing searchable (only punctuation, emoji).</summary>
    /// <param name="typos">False: each word matched only whole or by prefix (see LuceneSearchIndex: typos are looked for
    /// when that does not fill a page).</param>
    public static Query? Text(SearchQuery query, bool typos = true)
    {
        var tokens = query.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var all = new BooleanQuery();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (Token(tokens[i], query.IncludeInternalNotes, isLast: i == tokens.Length - 1, typos) is { } clause) all.Add(clause, Occur.MUST);
        }

        var phones = tokens.Length > 1 ? PhoneNumbers.QueryTerms(query.Text) : [];
        if (phones.Count == 0) return all.Clauses.Count == 0 ? null : all;
        // "+44 20 7946 0958" is one number typed with spaces.
        var either = new BooleanQuery { { Phone(phones), Occur.SHOULD } };
        if (all.Clauses.Count > 0) either.Add(all, Occur.SHOULD);
        return either;
    }

    /// <summary>Whether some typed word is long enough, and a word, for a typo to be forgiven in it.</summary>
    public static bool AllowsTypos(SearchQuery query) =>
        query.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Any(token => LuceneAnalyzers.Terms(token).Take(8).Any(word => SearchText.TypoAllowance(word) > 0));

    /// <summary>
    /// Workspace (always), deals only for users who may see them (the facet collector reads this filtered query, so
    /// counts leave them out too), kind, status, assignee, label, channel, date range.
    /// </summary>
    public static Query Filter(SearchQuery query)
    {
        var filter = new BooleanQuery { { new TermQuery(new Term(LuceneFields.Workspace, query.WorkspaceId)), Occur.MUST } };
        if (!query.IncludeDeals) filter.Add(new TermQuery(new Term(LuceneFields.Kind, LuceneDocuments.KindValue(SearchKind.Deal))), Occur.MUST_NOT);
        if (query.Kind is { } kind) filter.Add(new TermQuery(new Term(LuceneFields.Kind, LuceneDocuments.KindValue(kind))), Occur.MUST);
        Must(filter, LuceneFields.Status, query.Status);
        Must(filter, LuceneFields.Assignee, query.AssigneeId);
        Must(filter, LuceneFields.Label, query.Label);
        Must(filter, LuceneFields.Channel, query.Channel);
        // Read from the documents' doc values (no indexed terms, see LuceneDocuments.From): the other clauses lead, and
        // this one steps through the documents between their candidates, at most once per document of a segment.
        if (query.From is not null || query.To is not null)
            filter.Add(new ConstantScoreQuery(FieldCacheRangeFilter.NewInt64Range(
                LuceneFields.Updated, query.From?.ToUnixTimeMilliseconds(), query.To?.ToUnixTimeMilliseconds(), true, true)), Occur.MUST);
        return filter;
    }

    private static void Must(BooleanQuery filter, string field, string? value)
    {
        if (value is not null) filter.Add(new TermQuery(new Term(field, value)), Occur.MUST);
    }

    private static Query? Token(string token, bool includeNotes, bool isLast, bool typos)
    {
        var words = LuceneAnalyzers.Terms(token).Take(8).ToList();
        var alternatives = new BooleanQuery();
        if (words.Count > 0)
        {
            var allWords = new BooleanQuery();
            for (var i = 0; i < words.Count; i++) allWords.Add(Word(words[i], includeNotes, isLast && i == words.Count - 1, typos), Occur.MUST);
            alternatives.Add(allWords, Occur.SHOULD);
        }

        if (EmailFragments.QueryTerm(token) is { } email) alternatives.Add(Boost(EmailPrefix(email), 3), Occur.SHOULD);
        if (PhoneNumbers.QueryTerms(token) is { Count: > 0 } phones) alternatives.Add(Phone(phones), Occur.SHOULD);
        return alternatives.Clauses.Count == 0 ? null : alternatives;
    }

    private static Query Phone(IReadOnlyList<string> terms)
    {
        var any = new BooleanQuery();
        foreach (var term in terms) any.Add(Prefix(LuceneFields.PhoneGrams, LuceneFields.Phone, LuceneFields.PhoneGramLength, Cut(term, 20)), Occur.SHOULD);
        return Boost(any, 3);
    }

    private static Query EmailPrefix(string fragment) => Prefix(LuceneFields.EmailGrams, LuceneFields.Email, LuceneFields.EmailGramLength, Cut(fragment, 64));

    /// <summary>
    /// A short prefix is one gram; a longer one (few terms start with it) a prefix query on the whole values, or the
    /// long gram that indexes written before grams were cut short hold (64 email, 20 phone characters), so those keep
    /// answering until they are rebuilt.
    /// </summary>
    private static Query Prefix(string grams, string whole, int gramLength, string prefix) =>
        prefix.Length <= gramLength
            ? new TermQuery(new Term(grams, prefix))
            : new BooleanQuery { { new PrefixQuery(new Term(whole, prefix)), Occur.SHOULD }, { new TermQuery(new Term(grams, prefix)), Occur.SHOULD } };

    private static Query Word(string word, bool includeNotes, bool isLast, bool typos)
    {
        var edits = typos ? SearchText.TypoAllowance(word) : 0;
        var gram = Cut(word, 20);
        var any = new BooleanQuery
        {
            { Boost(new TermQuery(new Term(LuceneFields.Name, word)), 4), Occur.SHOULD },
            { Boost(new TermQuery(new Term(LuceneFields.NameGrams, gram)), 2), Occur.SHOULD },
            { Boost(EmailPrefix(word), 1.5f), Occur.SHOULD },
        };
        if (edits > 0) any.Add(Boost(new TypoQuery(new Term(LuceneFields.NameGrams, gram), edits, 1, 50), 1), Occur.SHOULD);
        TextClauses(any, LuceneFields.Text, word, edits, isLast);
        if (includeNotes) TextClauses(any, LuceneFields.Note, word, edits, isLast);
        return any;
    }

    private static void TextClauses(BooleanQuery any, string field, string word, int edits, bool isLast)
    {
        any.Add(Boost(new TermQuery(new Term(field, word)), 1.5f), Occur.SHOULD);
        if (edits > 0) any.Add(Boost(new TypoQuery(new Term(field, word), edits, 1, 20), 0.5f), Occur.SHOULD);
        if (isLast && word.Length >= SearchText.MessagePrefixMinimum)
            any.Add(Boost(new PrefixQuery(new Term(field, word)), 0.5f), Occur.SHOULD);
    }

    private static Query Boost(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    private static string Cut(string value, int length) => value.Length > length ? value[..length] : value;
}
