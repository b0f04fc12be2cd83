using System.Text.Json.Nodes;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Microsoft.Extensions.Logging;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Crm.Silo.Infrastructure.Search.Elasticsearch;

/// <summary>
/// The cluster engine: Elasticsearch behind an alias (<c>Crm:Search:IndexName</c>, default crm-search). Every index is
/// made from one index template (<see cref="ElasticsearchMappings"/>); the first is <c>{alias}-initial</c>, a rebuild
/// writes <c>{alias}-{time}</c> and moves the alias over in one update-aliases request, so searches never see a gap.
/// The projection checkpoint is a document in the index, written in the same bulk as its batch. The template and
/// alias are made on first use; when the engine cannot be reached every call says search is unavailable and the
/// next call tries again.
/// </summary>
public sealed class ElasticsearchSearchIndex : ISearchIndex
{
    private readonly ElasticsearchConnection connection;
    private readonly string alias;
    private readonly ILogger<ElasticsearchSearchIndex> logger;
    private readonly ElasticsearchIndexGeneration live;
    private readonly SemaphoreSlim liveWrites = new(1, 1);
    private readonly SemaphoreSlim setup = new(1, 1);
    private volatile bool ready;

    public ElasticsearchSearchIndex(ElasticsearchClientSettings settings, string alias, ILogger<ElasticsearchSearchIndex> logger)
    {
        connection = new ElasticsearchConnection(new ElasticsearchClient(settings));
        // Index names are lower case on Elasticsearch.
        this.alias = alias.Trim().ToLowerInvariant();
        this.logger = logger;
        live = new ElasticsearchIndexGeneration(connection, this.alias);
    }

    /// <summary>The engine at <paramref name="url"/> (<c>ConnectionStrings:CrmElasticsearch</c>).</summary>
    public static ElasticsearchSearchIndex Connect(string url, string alias, ILogger<ElasticsearchSearchIndex> logger) =>
        new(new ElasticsearchClientSettings(new SingleNodePool(new Uri(url))).RequestTimeout(TimeSpan.FromSeconds(30)), alias, logger);

    public async Task<long?> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        return await live.ReadCheckpointAsync(cancellationToken);
    }

    public async Task<string?> ReadMappingAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        return await live.ReadMappingAsync(cancellationToken);
    }

    public async Task RecordMappingAsync(string mapping, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        await live.RecordMappingAsync(mapping, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, SearchDocument>> GetDocumentsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        return await live.GetDocumentsAsync(keys, cancellationToken);
    }

    public async Task WriteAsync(IReadOnlyList<SearchDocument> documents, long checkpoint, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        await liveWrites.WaitAsync(cancellationToken);
        try
        {
            await live.WriteAsync(documents, checkpoint, cancellationToken);
        }
        finally
        {
            liveWrites.Release();
        }
    }

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        if (ElasticsearchQueryBuilder.Body(query) is not { } body) return SearchResults.Nothing(SearchNotices.NothingToSearch);
        await EnsureAsync(cancellationToken);
        var (_, response) = await connection.SendAsync(HttpMethod.POST, $"/{alias}/_search", body.ToJsonString(), cancellationToken);
        return ElasticsearchResults.Read(response, query);
    }

    public async Task<ISearchIndexWriter> CreateRebuildTargetAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        var name = $"{alias}-{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        await connection.SendAsync(HttpMethod.PUT, $"/{name}", "{}", cancellationToken);
        return new ElasticsearchIndexGeneration(connection, name);
    }

    public async Task SwapInAsync(ISearchIndexWriter rebuilt, Func<CancellationToken, Task> finalCatchUp, CancellationToken cancellationToken)
    {
        var next = rebuilt as ElasticsearchIndexGeneration ?? throw new ArgumentException("Not an index this engine made.", nameof(rebuilt));
        await liveWrites.WaitAsync(cancellationToken);
        try
        {
            await finalCatchUp(cancellationToken);
            var old = await IndicesBehindAliasAsync(cancellationToken);
            var actions = new JsonArray(old.Select(i => (JsonNode)Action("remove", i)).Append(Action("add", next.Target)).ToArray());
            // One request: the alias moves to the new index atomically, searches answer from one or the other.
            await connection.SendAsync(HttpMethod.POST, "/_aliases", new JsonObject { ["actions"] = actions }.ToJsonString(), cancellationToken);
            foreach (var index in old) await DeleteQuietlyAsync(index, cancellationToken);
            logger.LogInformation("Search alias {Alias} moved to {Index}", alias, next.Target);
        }
        finally
        {
            liveWrites.Release();
        }
    }

    private JsonObject Action(string verb, string index) => new() { [verb] = new JsonObject { ["index"] = index, ["alias"] = alias } };

    private async Task<IReadOnlyList<string>> IndicesBehindAliasAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await connection.SendAsync(HttpMethod.GET, $"/_alias/{alias}", null, cancellationToken, accepted: 404);
        return status == 404 || body is not JsonObject indices ? [] : indices.Select(p => p.Key).ToList();
    }

    private async Task DeleteQuietlyAsync(string index, CancellationToken cancellationToken)
    {
        try
        {
            await connection.SendAsync(HttpMethod.DELETE, $"/{index}", null, cancellationToken, accepted: 404);
        }
        catch (Exception exception) when (exception is SearchUnavailableException or InvalidOperationException)
        {
            logger.LogWarning(exception, "Could not delete the old search index {Index}", index);
        }
    }

    /// <summary>
    /// The template (idempotent), then the first index with the alias when there is none. Its fixed name makes two
    /// nodes starting at once make one index: the second is told it exists.
    /// </summary>
    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (ready) return;
        await setup.WaitAsync(cancellationToken);
        try
        {
            if (ready) return;
            await connection.SendAsync(HttpMethod.PUT, $"/_index_template/{ElasticsearchMappings.TemplateName(alias)}",
                ElasticsearchMappings.Template(alias).ToJsonString(), cancellationToken);
            if ((await IndicesBehindAliasAsync(cancellationToken)).Count == 0)
            {
                var first = new JsonObject { ["aliases"] = new JsonObject { [alias] = new JsonObject() } };
                var (status, body) = await connection.SendAsync(HttpMethod.PUT, $"/{alias}-initial", first.ToJsonString(), cancellationToken, accepted: 400);
                if (status == 400 && body?["error"]?["type"]?.GetValue<string>() != "resource_already_exists_exception")
                    throw new InvalidOperationException($"Elasticsearch refused to make the search index {alias}-initial: {body?["error"]?["reason"]}");
                // A new index is built for what the indexer reads now (see SearchMappingCheck).
                if (status != 400) await live.RecordMappingAsync(SearchMapping.Current, cancellationToken);
            }

            ready = true;
        }
        finally
        {
            setup.Release();
        }
    }
}
