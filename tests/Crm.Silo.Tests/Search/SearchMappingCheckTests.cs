using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.EventSourcing;
using Crm.Grains.Abstractions.Pipelines;
using Crm.Grains.Deals.Events;
using Crm.Grains.KnowledgeBase.Events;
using Crm.Grains.Search;
using Crm.Grains.Search.Mappers;
using Crm.Silo.Infrastructure.EventStore;
using Crm.Silo.Infrastructure.Search.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Crm.Silo.Tests.Search;

/// <summary>
/// An index written before a kind was indexed (articles, here) must come to hold that kind's older records: the
/// start-up check rebuilds it from the store; a new index is stamped and left alone.
/// </summary>
public sealed class SearchMappingCheckTests : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"crm-mapping-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (System.IO.Directory.Exists(root)) System.IO.Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Start_IndexFromBeforeArticlesWereIndexed_RebuildsAndFindsTheOlderArticle()
    {
        await using var store = new SqliteEventStore(new EventStoreOptions { DataPath = Path.Combine(root, "store") });
        await store.AppendAsync(StreamIds.For(StreamIds.ArticleCategory, "acme", "refunds"), ExpectedVersion.NoStream,
            [EventSerializer.ToEventData(new ArticleDrafted("refunds", "Refund policy", "Billing", "Paid back within five days.") { By = "test" })]);
        var searchRoot = Path.Combine(root, "search");
        WriteLegacyIndex(Path.Combine(searchRoot, "index-1"), checkpoint: 1);
        using var index = new LuceneSearchIndex(searchRoot, NullLogger<LuceneSearchIndex>.Instance);
        Assert.Null(await index.ReadMappingAsync(default));
        var rebuilder = new SearchRebuilder(store, index, TimeProvider.System, NullLogger<SearchRebuilder>.Instance);

        using var check = new SearchMappingCheck(index, rebuilder, rebuildOnChange: true, NullLogger<SearchMappingCheck>.Instance);
        await check.StartAsync(default);
        await check.ExecuteTask!;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (rebuilder.Status.Running || rebuilder.Status.LastCompletedAt is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The rebuild did not finish.");
            Assert.Null(rebuilder.Status.LastError);
            await Task.Delay(20);
        }

        var hits = (await index.SearchAsync(SearchQuery.Create("acme", "refund", false, SearchKind.Article), default)).Hits;
        Assert.Equal(["refunds"], hits.Select(h => h.Id));
        Assert.Equal(SearchMapping.Current, await index.ReadMappingAsync(default));
    }

    [Fact]
    public async Task Start_IndexStampedBeforeDealsWereIndexed_RebuildsAndFindsTheOlderDealForThoseWhoMaySeeDeals()
    {
        await using var store = new SqliteEventStore(new EventStoreOptions { DataPath = Path.Combine(root, "store") });
        await store.AppendAsync(StreamIds.For(StreamIds.DealCategory, "acme", "turbine"), ExpectedVersion.NoStream,
            [EventSerializer.ToEventData(new DealCreated("Turbine overhaul", "sales", "lead", "Lead", 10, StageOutcome.Open, 900m, "EUR", null, "sam", [], null) { By = "test" })]);
        var searchRoot = Path.Combine(root, "search");
        // Stamped by the build before this one: every kind but deals.
        var beforeDeals = SearchMapping.Of(SearchDocumentMappers.All.Where(m => m is not DealDocumentMapper).ToList());
        Assert.NotEqual(SearchMapping.Current, beforeDeals);
        WriteLegacyIndex(Path.Combine(searchRoot, "index-1"), checkpoint: 1, beforeDeals);
        using var index = new LuceneSearchIndex(searchRoot, NullLogger<LuceneSearchIndex>.Instance);
        Assert.Equal(beforeDeals, await index.ReadMappingAsync(default));
        var rebuilder = new SearchRebuilder(store, index, TimeProvider.System, NullLogger<SearchRebuilder>.Instance);

        using var check = new SearchMappingCheck(index, rebuilder, rebuildOnChange: true, NullLogger<SearchMappingCheck>.Instance);
        await check.StartAsync(default);
        await check.ExecuteTask!;
        await RebuiltAsync(rebuilder);

        var hits = (await index.SearchAsync(SearchQuery.Create("acme", "turbine", false, includeDeals: true), default)).Hits;
        Assert.Equal([(SearchKind.Deal, "turbine")], hits.Select(h => (h.Kind, h.Id)));
        Assert.Empty((await index.SearchAsync(SearchQuery.Create("acme", "turbine", false), default)).Hits);
        Assert.Equal(SearchMapping.Current, await index.ReadMappingAsync(default));
    }

    private static async Task RebuiltAsync(SearchRebuilder rebuilder)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (rebuilder.Status.Running || rebuilder.Status.LastCompletedAt is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The rebuild did not finish.");
            Assert.Null(rebuilder.Status.LastError);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Open_NewIndex_IsStampedWithTheCurrentMappingAndNotRebuilt()
    {
        using var index = new LuceneSearchIndex(Path.Combine(root, "fresh"), NullLogger<LuceneSearchIndex>.Instance);

        Assert.Equal(SearchMapping.Current, await index.ReadMappingAsync(default));
    }

    /// <summary>
    /// An index folder as an older build left it: a commit carrying the checkpoint and, from the build that began
    /// stamping them, the mapping it was built for.
    /// </summary>
    private static void WriteLegacyIndex(string path, long checkpoint, string? mapping = null)
    {
        using var directory = FSDirectory.Open(path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(global::Lucene.Net.Util.LuceneVersion.LUCENE_48, null));
        var data = new Dictionary<string, string> { ["crm.checkpoint"] = checkpoint.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (mapping is not null) data["crm.mapping"] = mapping;
        writer.SetCommitData(data);
        writer.Commit();
    }
}
