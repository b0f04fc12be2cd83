using System.Text.Json.Nodes;
using F = Crm.Silo.Infrastructure.Search.Elasticsearch.ElasticsearchFields;

namespace Crm.Silo.Infrastructure.Search.Elasticsearch;

/// <summary>
/// The index template every index behind the alias is made from (the live one and each rebuild's). Analysis is the
/// Lucene engine's: the standard tokenizer (every script), lower case, ASCII folding (Zoë → zoe); name grams are the
/// words' first 1–20 characters; emails and phones arrive pre-split (EmailFragments, PhoneNumbers) and are cut into
/// prefixes whole. Queries are analysed as whole words (no grams), so a typed prefix is one term lookup. One shard:
/// a batch's bulk is applied in order on one primary, so the checkpoint document at its end lands after its documents.
/// </summary>
internal static class ElasticsearchMappings
{
    public static string TemplateName(string alias) => $"{alias}-template";

    public static string IndexPattern(string alias) => $"{alias}-*";

    public static JsonObject Template(string alias) => new()
    {
        ["index_patterns"] = new JsonArray(IndexPattern(alias)),
        ["priority"] = 200,
        ["template"] = new JsonObject
        {
            ["settings"] = Settings(),
            ["mappings"] = Mappings(),
        },
    };

    private static JsonObject Settings() => new()
    {
        ["number_of_shards"] = 1,
        ["refresh_interval"] = "1s",
        ["analysis"] = new JsonObject
        {
            ["filter"] = new JsonObject
            {
                ["crm_word_prefixes"] = new JsonObject { ["type"] = "edge_ngram", ["min_gram"] = 1, ["max_gram"] = 20 },
                ["crm_email_prefixes"] = new JsonObject { ["type"] = "edge_ngram", ["min_gram"] = 2, ["max_gram"] = 64 },
                ["crm_phone_prefixes"] = new JsonObject { ["type"] = "edge_ngram", ["min_gram"] = 3, ["max_gram"] = 20 },
            },
            ["analyzer"] = new JsonObject
            {
                ["crm_words"] = Analyzer("standard"),
                ["crm_word_grams"] = Analyzer("standard", "crm_word_prefixes"),
                ["crm_whole"] = Analyzer("keyword"),
                ["crm_email_grams"] = Analyzer("keyword", "crm_email_prefixes"),
                ["crm_phone_grams"] = Analyzer("keyword", "crm_phone_prefixes"),
            },
        },
    };

    private static JsonObject Mappings() => new()
    {
        ["dynamic"] = "strict",
        ["properties"] = new JsonObject
        {
            [F.Key] = Keyword(),
            [F.Workspace] = Keyword(),
            [F.Kind] = Keyword(),
            [F.Name] = new JsonObject
            {
                ["type"] = "text",
                ["analyzer"] = "crm_words",
                ["fields"] = new JsonObject { ["g"] = Grams("crm_word_grams", "crm_words") },
            },
            [F.EmailGrams] = Grams("crm_email_grams", "crm_whole"),
            [F.PhoneGrams] = Grams("crm_phone_grams", "crm_whole"),
            [F.Text] = Words(),
            [F.Note] = Words(),
            [F.Status] = Keyword(),
            [F.Assignee] = Keyword(),
            [F.Label] = Keyword(),
            [F.Channel] = Keyword(),
            [F.Updated] = new JsonObject { ["type"] = "long" },
            [F.Stored] = new JsonObject { ["type"] = "object", ["enabled"] = false },
            [F.Checkpoint] = new JsonObject { ["type"] = "long", ["index"] = false },
            [F.Mapping] = new JsonObject { ["type"] = "keyword", ["index"] = false },
        },
    };

    private static JsonObject Analyzer(string tokenizer, string? prefixes = null)
    {
        var filters = new JsonArray("lowercase", "asciifolding");
        if (prefixes is not null) filters.Add(prefixes);
        return new JsonObject { ["type"] = "custom", ["tokenizer"] = tokenizer, ["filter"] = filters };
    }

    private static JsonObject Keyword() => new() { ["type"] = "keyword" };

    private static JsonObject Words() => new() { ["type"] = "text", ["analyzer"] = "crm_words" };

    private static JsonObject Grams(string analyzer, string searchAnalyzer) =>
        new() { ["type"] = "text", ["analyzer"] = analyzer, ["search_analyzer"] = searchAnalyzer, ["norms"] = false };
}
