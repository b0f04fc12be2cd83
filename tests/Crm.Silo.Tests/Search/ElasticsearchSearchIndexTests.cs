using System.Text.Json.Nodes;
using Crm.Grains.Abstractions.Search;
using Crm.Silo.Infrastructure.Search.Elasticsearch;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Silo.Tests.Search;

/// <summary>
/// The search contract on a real Elasticsearch (CRM_ELASTICSEARCH_URL, e.g. http://localhost:9200), each test under
/// its own alias and template, deleted afterwards. Skipped, with the reason, where no server is configured: none can
/// be installed on the build machines, where ElasticsearchRequestShapeTests check the requests instead.
/// </summary>
[RequiresEnvironment(Variable, "no Elasticsearch server to run the search contract against (request-shape tests still run)")]
public sealed class ElasticsearchSearchIndexTests : SearchIndexContractTests
{
    private const string Variable = "CRM_ELASTICSEARCH_URL";

    private readonly string alias = $"crm-test-{Guid.NewGuid():N}";
    private readonly string url = (Environment.GetEnvironmentVariable(Variable) ?? "").TrimEnd('/');

    protected override Task<ISearchIndex> OpenIndexAsync() =>
        Task.FromResult<ISearchIndex>(ElasticsearchSearchIndex.Connect(url, alias, NullLogger<ElasticsearchSearchIndex>.Instance));

    protected override async Task DeleteIndexAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(url + "/") };
        // Names, not a wildcard: servers refuse wildcard deletes by default (action.destructive_requires_name).
        var indices = JsonNode.Parse(await http.GetStringAsync($"{alias}-*"))!.AsObject().Select(i => i.Key).ToList();
        foreach (var index in indices) await http.DeleteAsync(index);
        await http.DeleteAsync($"_index_template/{alias}-template");
    }
}
