using System.Text;
using System.Text.Json.Nodes;
using Crm.Silo.Infrastructure.Search.Elasticsearch;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Crm.Silo.Tests.Search;

/// <summary>
/// The official client wired to the transport's own in-memory invoker: no server, every request recorded as it would
/// have gone on the wire, each answered by a canned body chosen by method and path (what an Elasticsearch 9 answers
/// there, trimmed to the fields the engine reads). For request-shape tests only: it proves what is sent, not what a
/// server would do with it.
/// </summary>
public sealed class RecordingElasticsearch : IRequestInvoker
{
    public const string Alias = "crm-search";

    private readonly Func<HttpMethod, string, (int Status, string Body)?> answers;
    private readonly Exception? failure;

    public RecordingElasticsearch(Func<HttpMethod, string, (int Status, string Body)?>? answers = null, Exception? failure = null)
    {
        this.answers = answers ?? ((_, _) => null);
        this.failure = failure;
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://es.test:9200")), this)
            .DisableDirectStreaming()
            .OnRequestCompleted(call =>
            {
                lock (Requests) Requests.Add(new RecordedRequest(call.HttpMethod, call.Uri!.PathAndQuery, call.RequestBodyInBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : null));
            });
        Index = new ElasticsearchSearchIndex(settings, Alias, NullLogger<ElasticsearchSearchIndex>.Instance);
    }

    public ElasticsearchSearchIndex Index { get; }

    public List<RecordedRequest> Requests { get; } = [];

    public ResponseFactory ResponseFactory => Invoker(200, "{}").ResponseFactory;

    /// <summary>The requests after the engine's one-time setup (template, alias), which every first call makes.</summary>
    public IReadOnlyList<RecordedRequest> AfterSetup() =>
        Requests.Where(r => !r.Path.StartsWith("/_index_template/", StringComparison.Ordinal) && r.Path != $"/_alias/{Alias}" && !(r.Method == HttpMethod.PUT && r.Path == $"/{Alias}-initial")).ToList();

    public Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new() =>
        Answer(endpoint).RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken);

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new() =>
        Answer(endpoint).Request<TResponse>(endpoint, boundConfiguration, postData);

    public void Dispose() { }

    private InMemoryRequestInvoker Answer(Endpoint endpoint)
    {
        if (failure is not null) return new InMemoryRequestInvoker([], 0, failure, "application/json", null);
        var path = endpoint.PathAndQuery.Split('?')[0];
        var (status, body) = answers(endpoint.Method, path) ?? Default(endpoint.Method, path);
        return Invoker(status, body);
    }

    private static InMemoryRequestInvoker Invoker(int status, string body) =>
        new(Encoding.UTF8.GetBytes(body), status, null, "application/json",
            new Dictionary<string, IEnumerable<string>> { ["X-Elastic-Product"] = ["Elasticsearch"] });

    private static (int, string) Default(HttpMethod method, string path) => (method, path) switch
    {
        (HttpMethod.GET, $"/_alias/{Alias}") => (404, """{"error":"alias [crm-search] missing","status":404}"""),
        (HttpMethod.GET, _) when path.EndsWith("/_doc/crm-checkpoint", StringComparison.Ordinal) => (404, """{"found":false}"""),
        (HttpMethod.POST, _) when path.EndsWith("/_mget", StringComparison.Ordinal) => (200, """{"docs":[]}"""),
        (HttpMethod.POST, _) when path.EndsWith("/_bulk", StringComparison.Ordinal) => (200, """{"errors":false,"items":[]}"""),
        (HttpMethod.POST, _) when path.EndsWith("/_search", StringComparison.Ordinal) => (200, """{"hits":{"total":{"value":0},"hits":[]}}"""),
        _ => (200, """{"acknowledged":true}"""),
    };
}

public sealed record RecordedRequest(HttpMethod Method, string Path, string? Body)
{
    public JsonNode Json => JsonNode.Parse(Body ?? throw new InvalidOperationException($"{Method} {Path} had no body."))!;

    public IReadOnlyList<JsonNode> NdJson => (Body ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
}
