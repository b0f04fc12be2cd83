using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using F = Crm.Silo.Infrastructure.Search.Elasticsearch.ElasticsearchFields;

namespace Crm.Silo.Infrastructure.Search.Elasticsearch;

/// <summary>A <see cref="SearchDocument"/> as an Elasticsearch source, and a batch with its checkpoint as one bulk body.</summary>
internal static class ElasticsearchDocuments
{
    public static JsonObject Source(SearchDocument document)
    {
        var source = new JsonObject
        {
            [F.Key] = document.Key,
            [F.Workspace] = document.WorkspaceId,
            [F.Kind] = SearchValues.Of(document.Kind),
            [F.Name] = Array(document.Names.Prepend(document.Title).Distinct()),
            [F.EmailGrams] = Array(document.Emails.SelectMany(EmailFragments.IndexTerms)),
            [F.PhoneGrams] = Array(document.Phones.SelectMany(PhoneNumbers.IndexTerms)),
            [F.Text] = Array(document.Texts),
            [F.Note] = Array(document.InternalTexts),
            [F.Label] = Array(document.Labels),
            [F.Updated] = document.UpdatedAt.ToUnixTimeMilliseconds(),
            [F.Stored] = JsonNode.Parse(SearchDocumentJson.Serialize(document)),
        };
        if (document.Status is not null) source[F.Status] = document.Status;
        if (document.AssigneeId is not null) source[F.Assignee] = document.AssigneeId;
        if (document.Channel is not null) source[F.Channel] = document.Channel;
        return source;
    }

    /// <summary>
    /// One <c>_bulk</c> body: an index action per document (its key is its id, so a write replaces it; a delete action
    /// for a removed one, which Elasticsearch answers "not found" without failing the batch when it was never there), then the
    /// checkpoint document last, so the checkpoint never lands before the documents it covers.
    /// </summary>
    public static string Bulk(IReadOnlyList<SearchDocument> documents, long checkpoint)
    {
        var body = new StringBuilder();
        foreach (var document in documents)
        {
            if (document.Removed) body.Append(new JsonObject { ["delete"] = new JsonObject { ["_id"] = document.Key } }.ToJsonString()).Append('\n');
            else Line(body, IndexAction(document.Key), Source(WithLogFolded(document)));
        }

        Line(body, IndexAction(F.CheckpointId), new JsonObject { [F.Checkpoint] = checkpoint });
        return body.ToString();
    }

    /// <summary>
    /// Here a conversation stays one document: its log's new texts join the texts it already holds (handed back by
    /// <c>_mget</c>), so each batch rewrites the conversation whole. A cluster spreads those rewrites over its shards;
    /// Lucene's layout (the log in documents of their own) would need a join field here, which no server in this
    /// project's tests can check.
    /// </summary>
    public static SearchDocument WithLogFolded(SearchDocument document) =>
        document.AppendedTexts.Count == 0 && document.AppendedInternalTexts.Count == 0
            ? document
            : document with
            {
                Texts = [.. document.Texts, .. document.AppendedTexts],
                InternalTexts = [.. document.InternalTexts, .. document.AppendedInternalTexts],
                AppendedTexts = [],
                AppendedInternalTexts = [],
            };

    public static SearchDocument Read(JsonNode stored) => stored.Deserialize<SearchDocument>(SearchDocumentJson.Options)
        ?? throw new InvalidOperationException("A search document without its stored form.");

    private static JsonObject IndexAction(string id) => new() { ["index"] = new JsonObject { ["_id"] = id } };

    private static void Line(StringBuilder body, JsonObject action, JsonObject source) =>
        body.Append(action.ToJsonString()).Append('\n').Append(source.ToJsonString()).Append('\n');

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
