using System.Net.Sockets;
using System.Text.Json.Nodes;
using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.Search;
using Crm.Silo.Infrastructure.Search.Elasticsearch;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Crm.Silo.Tests.Search;

/// <summary>
/// Request-shape tests, not behaviour: the Elasticsearch engine drives the official client over the transport's
/// in-memory invoker, and these check the requests it would send (template and mappings, bulk bodies, query DSL,
/// alias swap) and how it reads a failed transport. Whether a server ranks, matches and swaps as intended is the
/// contract suite's job (ElasticsearchSearchIndexTests, run when CRM_ELASTICSEARCH_URL is set).
/// </summary>
public sealed class ElasticsearchRequestShapeTests
{
    private const string Ws = "acme";

    [Fact]
    public async Task FirstRequest_PutsTheTemplateWithPrefixGramsAndKeywordFilters_ThenMakesTheAliasedIndex()
    {
        var es = new RecordingElasticsearch();

        await es.Index.ReadCheckpointAsync(default);

        var template = es.Requests.Single(r => r.Method == HttpMethod.PUT && r.Path == "/_index_template/crm-search-template").Json;
        Assert.Equal("crm-search-*", template["index_patterns"]![0]!.GetValue<string>());
        var analysis = template["template"]!["settings"]!["analysis"]!;
        Assert.Equal("edge_ngram", analysis["filter"]!["crm_word_prefixes"]!["type"]!.GetValue<string>());
        Assert.Equal(["lowercase", "asciifolding", "crm_word_prefixes"], analysis["analyzer"]!["crm_word_grams"]!["filter"]!.AsArray().Select(f => f!.GetValue<string>()));
        var properties = template["template"]!["mappings"]!["properties"]!;
        var grams = properties["name"]!["fields"]!["g"]!;
        Assert.Equal(("crm_word_grams", "crm_words"), (grams["analyzer"]!.GetValue<string>(), grams["search_analyzer"]!.GetValue<string>()));
        Assert.All(["ws", "kind", "status", "assignee", "label", "channel"], f => Assert.Equal("keyword", properties[f]!["type"]!.GetValue<string>()));
        Assert.False(properties["doc"]!["enabled"]!.GetValue<bool>());
        var created = es.Requests.Single(r => r.Method == HttpMethod.PUT && r.Path == "/crm-search-initial").Json;
        Assert.NotNull(created["aliases"]!["crm-search"]);
        Assert.Equal("/crm-search/_doc/crm-checkpoint", es.Requests[^1].Path);
    }

    [Fact]
    public async Task IndexingRequest_ABatchIsOneBulkBodyEndingWithItsCheckpointDocument()
    {
        var es = new RecordingElasticsearch();
        var events = new SearchEvents();
        var batch = new[]
        {
            events.Customer(Ws, "alex", "Alexandra Novak", "alexandra.novak@example.com", "+44 20 7946 0958"),
            events.Customer(Ws, "zoe", "Zoë Ångström"),
            events.Opened(Ws, "refund", "Refund for order 1042", "Alexandra Novak", Channel.Email),
            events.Message(Ws, "refund", "My parcel arrived damaged"),
        };

        await new SearchIndexProjection(es.Index).HandleAsync(batch, 42, default);

        var bulk = Assert.Single(es.Requests, r => r.Path.Contains("_bulk", StringComparison.Ordinal));
        Assert.Equal((HttpMethod.POST, "/crm-search/_bulk?refresh=wait_for"), (bulk.Method, bulk.Path));
        var lines = bulk.NdJson;
        Assert.Equal(8, lines.Count);
        Assert.Equal(
            ["acme|Customer|alex", "acme|Customer|zoe", "acme|Conversation|refund", "crm-checkpoint"],
            lines.Where((_, i) => i % 2 == 0).Select(l => l["index"]!["_id"]!.GetValue<string>()));
        Assert.Equal(42, lines[^1]["checkpoint"]!.GetValue<long>());
        var alex = lines[1];
        Assert.Contains("442079460958", alex["phone_g"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Contains("example.com", alex["email_g"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("acme", alex["ws"]!.GetValue<string>());
        Assert.Equal(["My parcel arrived damaged"], lines[5]["text"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task IndexingRequest_ALaterMessage_RewritesTheConversationWithEveryMessageSoFar()
    {
        // The first batch's stored form is what _mget hands back to the second batch.
        var events = new SearchEvents();
        var first = new RecordingElasticsearch();
        await new SearchIndexProjection(first.Index).HandleAsync(
            [events.Opened(Ws, "refund", "Refund", "Alexandra Novak"), events.Message(Ws, "refund", "My parcel arrived damaged")], 41, default);
        var stored = first.Requests.Single(r => r.Path.Contains("_bulk", StringComparison.Ordinal)).NdJson[1]["doc"]!.ToJsonString();
        var second = new RecordingElasticsearch((method, path) => path.EndsWith("/_mget", StringComparison.Ordinal)
            ? (200, $$$"""{"docs":[{"_id":"acme|Conversation|refund","found":true,"_source":{"doc":{{{stored}}}}}]}""")
            : null);

        await new SearchIndexProjection(second.Index).HandleAsync([events.Message(Ws, "refund", "Any news?")], 42, default);

        var source = second.Requests.Single(r => r.Path.Contains("_bulk", StringComparison.Ordinal)).NdJson[1];
        Assert.Equal(["My parcel arrived damaged", "Any news?"], source["text"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["My parcel arrived damaged", "Any news?"], source["doc"]!["texts"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("My parcel arrived damaged".Length + "Any news?".Length, source["doc"]!["textCharacters"]!.GetValue<int>());
    }

    [Fact]
    public async Task IndexingRequest_ADeletedArticleIsADeleteActionByItsKey()
    {
        var es = new RecordingElasticsearch();
        var events = new SearchEvents();
        var batch = new[] { events.ArticleDrafted(Ws, "refunds", "Refund policy", "Five days."), events.ArticleDeleted(Ws, "refunds") };

        await new SearchIndexProjection(es.Index).HandleAsync(batch, 7, default);

        var lines = Assert.Single(es.Requests, r => r.Path.Contains("_bulk", StringComparison.Ordinal)).NdJson;
        Assert.Equal("acme|Article|refunds", lines[0]["delete"]!["_id"]!.GetValue<string>());
        Assert.Equal("crm-checkpoint", lines[1]["index"]!["_id"]!.GetValue<string>());
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public async Task SearchRequest_CarriesTheWorkspaceFilterAndLeavesNotesOutForUsersWhoMayNotReadThem()
    {
        var es = new RecordingElasticsearch();

        await es.Index.SearchAsync(SearchQuery.Create(Ws, "bartholomew", includeInternalNotes: false, status: "open"), default);
        await es.Index.SearchAsync(SearchQuery.Create(Ws, "bartholomew", includeInternalNotes: true), default);

        var searches = es.Requests.Where(r => r.Path == "/crm-search/_search").Select(r => r.Json).ToList();
        Assert.Equal(2, searches.Count);
        foreach (var search in searches) Assert.Equal("acme", search["query"]!["bool"]!["filter"]![0]!["term"]!["ws"]!.GetValue<string>());
        Assert.Equal("open", searches[0]["query"]!["bool"]!["filter"]![1]!["term"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain("\"note\"", searches[0]["query"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("doc.internalTexts", searches[0]["_source"]!["excludes"]![0]!.GetValue<string>());
        Assert.Contains("\"note\"", searches[1]["query"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["doc"], searches[1]["_source"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task SearchRequest_LeavesDealsOutOfHitsAndFacetsForUsersWhoMayNotSeeThem()
    {
        var es = new RecordingElasticsearch();

        await es.Index.SearchAsync(SearchQuery.Create(Ws, "turbine", false, withFacets: true, includeDeals: false), default);
        await es.Index.SearchAsync(SearchQuery.Create(Ws, "turbine", false, withFacets: true, includeDeals: true), default);

        var searches = es.Requests.Where(r => r.Path == "/crm-search/_search").Select(r => r.Json).ToList();
        Assert.Equal(2, searches.Count);
        // The exclusion is in the query's filter, which the aggregations run inside: no deal is counted either.
        var hidden = searches[0]["query"]!["bool"]!["filter"]!.AsArray();
        var excluded = Assert.Single(hidden, f => f!["bool"]?["must_not"] is not null)!["bool"]!["must_not"]!.AsArray();
        Assert.Equal("deal", Assert.Single(excluded)!["term"]!["kind"]!.GetValue<string>());
        Assert.NotNull(searches[0]["aggs"]);
        Assert.DoesNotContain("must_not", searches[1]["query"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchRequest_AllowsTyposByWordLengthAndTakesTheLastWordAsAPrefix()
    {
        var es = new RecordingElasticsearch();

        await es.Index.SearchAsync(SearchQuery.Create(Ws, "alexnadra refu", false), default);

        var query = es.Requests.Single(r => r.Path == "/crm-search/_search").Json["query"]!.ToJsonString();
        Assert.Contains("\"fuzziness\":\"AUTO:4,8\"", query, StringComparison.Ordinal);
        Assert.Contains("{\"prefix\":{\"text\":{\"value\":\"refu\"", query, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"prefix\":{\"text\":{\"value\":\"alexnadra\"", query, StringComparison.Ordinal);
        Assert.DoesNotContain("query_string", query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+44 20 7946 0958", "phone_g", "442079460958")]
    [InlineData("020-7946-0958", "phone_g", "2079460958")]
    [InlineData("Zoe.Smith@Cont", "email_g", "zoe.smith@cont")]
    public async Task SearchRequest_NormalisesPhonesAndEmailsAsTheIndexDoes(string text, string field, string term)
    {
        var es = new RecordingElasticsearch();

        await es.Index.SearchAsync(SearchQuery.Create(Ws, text, false), default);

        var query = es.Requests.Single(r => r.Path == "/crm-search/_search").Json["query"]!;
        Assert.Contains(term, TermValues(query, field));
    }

    [Fact]
    public async Task SearchRequest_WithFacetsAndNoText_AsksForTermsAggregationsNewestFirst()
    {
        var es = new RecordingElasticsearch();

        await es.Index.SearchAsync(SearchQuery.Create(Ws, "", true, withFacets: true), default);

        var search = es.Requests.Single(r => r.Path == "/crm-search/_search").Json;
        Assert.NotNull(search["query"]!["bool"]!["must"]!["match_all"]);
        Assert.Equal("desc", search["sort"]![0]!["updated"]!.GetValue<string>());
        Assert.Equal(SearchFacets.All, search["aggs"]!.AsObject().Select(a => a.Key));
        Assert.Equal("label", search["aggs"]!["label"]!["terms"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task RebuildRequests_WriteANewIndexThenMoveTheAliasInOneUpdateAliasesRequest()
    {
        var es = new RecordingElasticsearch((method, path) => (method, path) switch
        {
            (HttpMethod.GET, "/_alias/crm-search") => (200, """{"crm-search-initial":{"aliases":{"crm-search":{}}}}"""),
            _ => null,
        });

        var target = await es.Index.CreateRebuildTargetAsync(default);
        await target.WriteAsync([], 7, default);
        var caughtUp = false;
        await es.Index.SwapInAsync(target, _ => Task.FromResult(caughtUp = true), default);

        Assert.True(caughtUp);
        var requests = es.AfterSetup();
        var created = requests[0];
        Assert.Equal(HttpMethod.PUT, created.Method);
        Assert.Matches("^/crm-search-[0-9]{17}$", created.Path);
        var newIndex = created.Path[1..];
        Assert.Equal($"/{newIndex}/_bulk?refresh=wait_for", requests[1].Path);
        var swap = Assert.Single(requests, r => r.Path == "/_aliases");
        Assert.Equal(
            """{"actions":[{"remove":{"index":"crm-search-initial","alias":"crm-search"}},{"add":{"index":"NEW","alias":"crm-search"}}]}""".Replace("NEW", newIndex, StringComparison.Ordinal),
            swap.Json.ToJsonString());
        Assert.Equal((HttpMethod.DELETE, "/crm-search-initial"), (requests[^1].Method, requests[^1].Path));
    }

    [Fact]
    public async Task FailedTransport_BecomesSearchUnavailable()
    {
        var es = new RecordingElasticsearch(failure: new HttpRequestException("Connection refused", new SocketException(111)));

        var refused = await Assert.ThrowsAsync<SearchUnavailableException>(() => es.Index.SearchAsync(SearchQuery.Create(Ws, "alex", false), default));

        Assert.Contains("unavailable", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorAnswer_BecomesSearchUnavailable()
    {
        var es = new RecordingElasticsearch((_, _) => (503, """{"error":{"reason":"cluster_block_exception"},"status":503}"""));

        await Assert.ThrowsAsync<SearchUnavailableException>(() => es.Index.WriteAsync([], 1, default));
    }

    [Fact]
    public async Task NodeNotListening_BecomesSearchUnavailable()
    {
        // A loopback port nobody listens on: the real HTTP invoker, refused at once.
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var index = ElasticsearchSearchIndex.Connect($"http://127.0.0.1:{port}", "crm-search", NullLogger<ElasticsearchSearchIndex>.Instance);

        await Assert.ThrowsAsync<SearchUnavailableException>(() => index.ReadCheckpointAsync(default));
    }

    [Fact]
    public async Task BulkAnswerWithAFailedItem_PutsTheCheckpointBackAndFailsTheBatch()
    {
        var es = new RecordingElasticsearch((method, path) => (method, path) switch
        {
            (HttpMethod.GET, "/crm-search/_doc/crm-checkpoint") => (200, """{"found":true,"_source":{"checkpoint":41}}"""),
            (HttpMethod.POST, "/crm-search/_bulk") => (200, """{"errors":true,"items":[{"index":{"status":400,"error":{"reason":"mapper_parsing_exception"}}},{"index":{"status":201}}]}"""),
            _ => null,
        });
        await es.Index.ReadCheckpointAsync(default);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => es.Index.WriteAsync([SearchDocument.Empty(Ws, SearchKind.Customer, "x")], 42, default));

        Assert.Contains("mapper_parsing_exception", failed.Message, StringComparison.Ordinal);
        var restore = es.Requests[^1];
        Assert.Equal((HttpMethod.PUT, "/crm-search/_doc/crm-checkpoint?refresh=wait_for"), (restore.Method, restore.Path));
        Assert.Equal(41, restore.Json["checkpoint"]!.GetValue<long>());
    }

    /// <summary>The values of every <c>term</c> clause on <paramref name="field"/> anywhere in <paramref name="node"/>.</summary>
    private static IEnumerable<string> TermValues(JsonNode? node, string field) => node switch
    {
        JsonObject o when o["term"]?[field] is { } t => [t is JsonObject v ? v["value"]!.GetValue<string>() : t.GetValue<string>()],
        JsonObject o => o.SelectMany(p => TermValues(p.Value, field)),
        JsonArray a => a.SelectMany(n => TermValues(n, field)),
        _ => [],
    };
}
