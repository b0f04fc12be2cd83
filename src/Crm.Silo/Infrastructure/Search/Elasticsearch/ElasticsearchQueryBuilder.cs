using System.Text.Json.Nodes;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using F = Crm.Silo.Infrastructure.Search.Elasticsearch.ElasticsearchFields;

namespace Crm.Silo.Infrastructure.Search.Elasticsearch;

/// <summary>
/// The Lucene engine's query, clause for clause, in the query DSL. Built from plain words, never through
/// <c>query_string</c>: no character of the user's text has a syntax meaning. Each typed word must match somewhere:
/// whole word, prefix (name grams; the last word of a message search by prefix), or within its typo allowance
/// (<c>fuzziness AUTO:4,8</c> is SearchText.MaxEdits: none to 3 letters, one to 7, two from 8); a word that looks like
/// an email fragment or a phone number is also looked up as one. The workspace filter is always there; notes are
/// queried, and sent back in the source, only when the query says the user may read them; deals are filtered out
/// unless it says the user may see them.
/// </summary>
internal static class ElasticsearchQueryBuilder
{
    private const string Fuzziness = "AUTO:4,8";

    /// <summary>The search request body; null when the text has nothing searchable (only punctuation, emoji).</summary>
    public static JsonObject? Body(SearchQuery query)
    {
        JsonNode? text = query.Text.Length == 0 ? new JsonObject { ["match_all"] = new JsonObject() } : Text(query);
        if (text is null) return null;
        var body = new JsonObject
        {
            ["size"] = query.Limit,
            ["track_total_hits"] = true,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["must"] = text, ["filter"] = Filter(query) } },
            ["_source"] = query.IncludeInternalNotes
                ? new JsonArray(F.Stored)
                : new JsonObject { ["includes"] = new JsonArray(F.Stored), ["excludes"] = new JsonArray(F.StoredNotes) },
        };
        // Without words there is no relevance: newest first.
        if (query.Text.Length == 0) body["sort"] = new JsonArray(new JsonObject { [F.Updated] = "desc" });
        if (query.WithFacets) body["aggs"] = Facets();
        return body;
    }

    /// <summary>
    /// Workspace (always), kind, status, assignee, label, channel, date range, and deals left out for users who may not
    /// see them (the aggregations run inside this filter, so facet counts leave them out too).
    /// </summary>
    public static JsonArray Filter(SearchQuery query)
    {
        var filter = new JsonArray(Term(F.Workspace, query.WorkspaceId));
        if (query.Kind is { } kind) filter.Add(Term(F.Kind, SearchValues.Of(kind)));
        if (query.Status is { } status) filter.Add(Term(F.Status, status));
        if (query.AssigneeId is { } assignee) filter.Add(Term(F.Assignee, assignee));
        if (query.Label is { } label) filter.Add(Term(F.Label, label));
        if (query.Channel is { } channel) filter.Add(Term(F.Channel, channel));
        if (query.From is not null || query.To is not null)
        {
            var range = new JsonObject();
            if (query.From is { } from) range["gte"] = from.ToUnixTimeMilliseconds();
            if (query.To is { } to) range["lte"] = to.ToUnixTimeMilliseconds();
            filter.Add(new JsonObject { ["range"] = new JsonObject { [F.Updated] = range } });
        }

        if (!query.IncludeDeals) filter.Add(Bool("must_not", new JsonArray(Term(F.Kind, SearchValues.Of(SearchKind.Deal)))));
        return filter;
    }

    private static JsonObject Facets()
    {
        var aggs = new JsonObject();
        foreach (var (facet, field) in FacetFields) aggs[facet] = new JsonObject { ["terms"] = new JsonObject { ["field"] = field, ["size"] = 100 } };
        return aggs;
    }

    public static readonly IReadOnlyList<(string Facet, string Field)> FacetFields =
    [
        (SearchFacets.Kind, F.Kind), (SearchFacets.Status, F.Status), (SearchFacets.Channel, F.Channel),
        (SearchFacets.Assignee, F.Assignee), (SearchFacets.Label, F.Label),
    ];

    private static JsonObject? Text(SearchQuery query)
    {
        var tokens = query.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var all = new JsonArray();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (Token(tokens[i], query.IncludeInternalNotes, isLast: i == tokens.Length - 1) is { } clause) all.Add(clause);
        }

        var phones = tokens.Length > 1 ? PhoneNumbers.QueryTerms(query.Text) : [];
        if (phones.Count == 0) return all.Count == 0 ? null : Bool("must", all);
        // "+44 20 7946 0958" is one number typed with spaces.
        var either = new JsonArray(Phone(phones));
        if (all.Count > 0) either.Add(Bool("must", all));
        return Bool("should", either);
    }

    private static JsonObject? Token(string token, bool includeNotes, bool isLast)
    {
        var words = SearchText.Words(token).Select(w => w.Word).Take(8).ToList();
        var alternatives = new JsonArray();
        if (words.Count > 0)
            alternatives.Add(Bool("must", new JsonArray(words.Select((w, i) => (JsonNode)Word(w, includeNotes, isLast && i == words.Count - 1)).ToArray())));
        if (EmailFragments.QueryTerm(token) is { } email) alternatives.Add(Term(F.EmailGrams, Cut(email, 64), 3));
        if (PhoneNumbers.QueryTerms(token) is { Count: > 0 } phones) alternatives.Add(Phone(phones));
        return alternatives.Count == 0 ? null : Bool("should", alternatives);
    }

    private static JsonObject Phone(IReadOnlyList<string> terms) =>
        Bool("should", new JsonArray(terms.Select(t => (JsonNode)Term(F.PhoneGrams, Cut(t, 20))).ToArray()), 3);

    private static JsonObject Word(string word, bool includeNotes, bool isLast)
    {
        var fuzzy = SearchText.TypoAllowance(word) > 0;
        var gram = Cut(word, 20);
        var any = new JsonArray
        {
            Match(F.Name, word, 4),
            Match(F.NameGrams, gram, 2),
            Term(F.EmailGrams, Cut(word, 64), 1.5),
        };
        if (fuzzy) any.Add(Match(F.NameGrams, gram, 1, maxExpansions: 50));
        TextClauses(any, F.Text, word, fuzzy, isLast);
        if (includeNotes) TextClauses(any, F.Note, word, fuzzy, isLast);
        return Bool("should", any);
    }

    private static void TextClauses(JsonArray any, string field, string word, bool fuzzy, bool isLast)
    {
        any.Add(Match(field, word, 1.5));
        if (fuzzy) any.Add(Match(field, word, 0.5, maxExpansions: 20));
        if (isLast && word.Length >= SearchText.MessagePrefixMinimum) any.Add(new JsonObject { ["prefix"] = new JsonObject { [field] = new JsonObject { ["value"] = word, ["boost"] = 0.5 } } });
    }

    /// <summary>A word as the field analyses it (CJK splits into characters, all of which must match); fuzzy when it has a typo allowance.</summary>
    private static JsonObject Match(string field, string word, double boost, int? maxExpansions = null)
    {
        var match = new JsonObject { ["query"] = word, ["operator"] = "and", ["boost"] = boost };
        if (maxExpansions is { } expansions)
        {
            match["fuzziness"] = Fuzziness;
            match["prefix_length"] = 1;
            match["max_expansions"] = expansions;
        }

        return new JsonObject { ["match"] = new JsonObject { [field] = match } };
    }

    private static JsonObject Term(string field, string value, double? boost = null)
    {
        if (boost is null) return new JsonObject { ["term"] = new JsonObject { [field] = value } };
        return new JsonObject { ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = value, ["boost"] = boost } } };
    }

    private static JsonObject Bool(string occur, JsonArray clauses, double? boost = null)
    {
        var body = new JsonObject { [occur] = clauses };
        if (occur == "should") body["minimum_should_match"] = 1;
        if (boost is { } b) body["boost"] = b;
        return new JsonObject { ["bool"] = body };
    }

    private static string Cut(string value, int length) => value.Length > length ? value[..length] : value;
}
