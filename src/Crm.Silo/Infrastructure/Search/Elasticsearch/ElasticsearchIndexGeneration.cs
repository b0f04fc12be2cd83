using System.Text.Json.Nodes;
using Crm.Grains.Abstractions.Search;
using HttpMethod = Elastic.Transport.HttpMethod;
using F = Crm.Silo.Infrastructure.Search.Elasticsearch.ElasticsearchFields;

namespace Crm.Silo.Infrastructure.Search.Elasticsearch;

/// <summary>
/// Writes to one target: the alias (the live index) or a rebuild's new concrete index. Each batch is one <c>_bulk</c>
/// request with the checkpoint document at its end; <c>refresh=wait_for</c> returns once the batch is searchable.
/// When an item of the batch fails the checkpoint is put back to where it was before the batch, and the batch fails,
/// so the projection hands it again (documents carry their last position, so the replay doubles nothing).
/// </summary>
internal sealed class ElasticsearchIndexGeneration(ElasticsearchConnection connection, string target) : ISearchIndexWriter
{
    private long? lastCheckpoint;

    public string Target => target;

    public async Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await connection.SendAsync(HttpMethod.GET, $"/{target}/_doc/{F.CheckpointId}", null, cancellationToken, accepted: 404);
        lastCheckpoint = status == 404 || body?["found"]?.GetValue<bool>() != true ? null : body["_source"]?[F.Checkpoint]?.GetValue<long>();
        return lastCheckpoint;
    }

    public async Task<string?> ReadMappingAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await connection.SendAsync(HttpMethod.GET, $"/{target}/_doc/{F.MappingId}", null, cancellationToken, accepted: 404);
        return status == 404 || body?["found"]?.GetValue<bool>() != true ? null : body["_source"]?[F.Mapping]?.GetValue<string>();
    }

    public Task RecordMappingAsync(string mapping, CancellationToken cancellationToken) =>
        connection.SendAsync(HttpMethod.PUT, $"/{target}/_doc/{F.MappingId}?refresh=wait_for", new JsonObject { [F.Mapping] = mapping }.ToJsonString(), cancellationToken);

    public async Task<IReadOnlyDictionary<string, SearchDocument>> GetDocumentsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, SearchDocument>();
        if (keys.Count == 0) return found;
        var request = new JsonObject { ["ids"] = new JsonArray(keys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()) };
        var (_, body) = await connection.SendAsync(HttpMethod.POST, $"/{target}/_mget?_source={F.Stored}", request.ToJsonString(), cancellationToken);
        foreach (var doc in body?["docs"]?.AsArray() ?? [])
        {
            if (doc?["found"]?.GetValue<bool>() == true && doc["_source"]?[F.Stored] is { } stored)
                found[doc["_id"]!.GetValue<string>()] = ElasticsearchDocuments.Read(stored);
        }

        return found;
    }

    public async Task WriteAsync(IReadOnlyList<SearchDocument> documents, long checkpoint, CancellationToken cancellationToken)
    {
        var (_, body) = await connection.SendAsync(
            HttpMethod.POST, $"/{target}/_bulk?refresh=wait_for", ElasticsearchDocuments.Bulk(documents, checkpoint), cancellationToken, ndJson: true);
        if (body?["errors"]?.GetValue<bool>() == true)
        {
            var reason = body["items"]?.AsArray().Select(i => (i?["index"] ?? i?["delete"])?["error"]?["reason"]?.GetValue<string>()).FirstOrDefault(r => r is not null);
            await RestoreCheckpointAsync(cancellationToken);
            throw new InvalidOperationException($"Elasticsearch did not index a search batch: {reason}");
        }

        lastCheckpoint = checkpoint;
    }

    private async Task RestoreCheckpointAsync(CancellationToken cancellationToken)
    {
        if (lastCheckpoint is { } previous)
        {
            var source = new JsonObject { [F.Checkpoint] = previous };
            await connection.SendAsync(HttpMethod.PUT, $"/{target}/_doc/{F.CheckpointId}?refresh=wait_for", source.ToJsonString(), cancellationToken);
        }
        else await connection.SendAsync(HttpMethod.DELETE, $"/{target}/_doc/{F.CheckpointId}?refresh=wait_for", null, cancellationToken, accepted: 404);
    }
}
