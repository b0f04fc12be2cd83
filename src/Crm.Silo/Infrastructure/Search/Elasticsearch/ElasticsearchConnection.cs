using System.Text.Json.Nodes;
using Crm.Grains.Abstractions.Search;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Crm.Silo.Infrastructure.Search.Elasticsearch;

/// <summary>
/// Requests through the official client's transport (its node pool, retries, connection handling and diagnostics),
/// with bodies built as JSON by this engine: the query DSL here is the Lucene engine's query clause for clause, which
/// reads and tests more plainly than the typed descriptors. An engine that cannot be reached, is overloaded or answers
/// with a server error becomes <see cref="SearchUnavailableException"/>; any other refusal is a defect and says what it was.
/// </summary>
internal sealed class ElasticsearchConnection(ElasticsearchClient client)
{
    private static readonly RequestConfiguration NdJson = new() { ContentType = "application/x-ndjson" };

    /// <summary>The response body (null when empty) and status; statuses in <paramref name="accepted"/> are answers too (404 for "not there").</summary>
    public async Task<(int Status, JsonNode? Body)> SendAsync(
        HttpMethod method, string path, string? body, CancellationToken cancellationToken, bool ndJson = false, params int[] accepted)
    {
        StringResponse response;
        try
        {
            response = await client.Transport.RequestAsync<StringResponse>(
                new EndpointPath(method, path), body is null ? null : PostData.String(body), null, ndJson ? NdJson : null, cancellationToken);
        }
        catch (TransportException exception)
        {
            throw Unavailable(exception);
        }

        var details = response.ApiCallDetails;
        // No status (or the in-memory invoker's 0): nothing answered.
        if (details.HttpStatusCode is not { } status || status is 0 or 429 or >= 500)
            throw Unavailable(details.OriginalException);
        var parsed = string.IsNullOrEmpty(response.Body) ? null : JsonNode.Parse(response.Body);
        if (details.HasSuccessfulStatusCode || accepted.Contains(status)) return (status, parsed);
        var reason = parsed?["error"]?["reason"]?.GetValue<string>() ?? response.Body;
        throw new InvalidOperationException($"Elasticsearch refused {method} {path} ({status}): {reason}");
    }

    private static SearchUnavailableException Unavailable(Exception? inner) =>
        new("Search is unavailable: Elasticsearch cannot be reached.", inner);
}
