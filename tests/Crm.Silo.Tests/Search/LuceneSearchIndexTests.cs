using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Search;
using Crm.Silo.Infrastructure.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Crm.Silo.Tests.Search;

/// <summary>The search contract on Lucene.NET, each test with its own index folder.</summary>
public sealed class LuceneSearchIndexTests : SearchIndexContractTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crm-search-{Guid.NewGuid():N}");

    protected override Task<ISearchIndex> OpenIndexAsync() =>
        Task.FromResult<ISearchIndex>(new LuceneSearchIndex(folder, NullLogger<LuceneSearchIndex>.Instance));

    protected override Task DeleteIndexAsync()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Reopen_AfterWrites_KeepsDocumentsAndCheckpoint()
    {
        var before = await Index.ReadCheckpointAsync(default);
        ((IDisposable)Index).Dispose();

        using var reopened = new LuceneSearchIndex(folder, NullLogger<LuceneSearchIndex>.Instance);

        Assert.Equal(before, await reopened.ReadCheckpointAsync(default));
        Assert.Contains((await reopened.SearchAsync(SearchQuery.Create(Ws, "alexandra", false), default)).Hits, h => h.Id == "alex");
    }

    [Fact]
    public async Task WriteAsync_DocumentsReadBeforeARebuildWasSwappedIn_AreRefusedThenFoldedFromTheNewIndex()
    {
        var key = SearchDocument.KeyOf(Ws, SearchKind.Conversation, "login");
        var read = (await Index.GetDocumentsAsync([key], default))[key];
        var rebuilt = await Index.CreateRebuildTargetAsync(default);
        await Index.SwapInAsync(rebuilt, _ => Task.CompletedTask, default);

        // Each index seals a conversation's windows where its own batches ended: a document folded from the old one
        // would lose or double messages in the new one.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Index.WriteAsync([read with { Title = "Stale walrus" }], 999, default));
        Assert.Empty((await Index.SearchAsync(SearchQuery.Create(Ws, "walrus", true), default)).Hits);

        Assert.Empty(await Index.GetDocumentsAsync([key], default));
        await Index.WriteAsync([read with { Title = "Fresh walrus" }], 999, default);
        Assert.Equal(["login"], (await Index.SearchAsync(SearchQuery.Create(Ws, "walrus", true), default)).Hits.Select(h => h.Id));
    }

    /// <summary>
    /// A document the indexer's read found nowhere is added without a delete of its key (cheaper for a bulk of new
    /// customers), but only its first write after that read: two reads before two writes, or a write after the first,
    /// still replace it, and the customer is found once, by the newest name only.
    /// </summary>
    [Fact]
    public async Task WriteAsync_NewDocumentWrittenTwiceAfterItsReads_IsOneDocument()
    {
        var alex = SearchDocument.KeyOf(Ws, SearchKind.Customer, "alex");
        var template = (await Index.GetDocumentsAsync([alex], default))[alex];
        var newcomer = template with { Id = "walrus", Title = "Wally Walrus", Names = [], Emails = [], Phones = [] };

        Assert.Empty(await Index.GetDocumentsAsync([newcomer.Key], default));
        Assert.Empty(await Index.GetDocumentsAsync([newcomer.Key], default));
        await Index.WriteAsync([newcomer], 100, default);
        await Index.WriteAsync([newcomer with { Title = "Wanda Walrus" }], 101, default);
        await Index.WriteAsync([newcomer with { Title = "Winston Walrus" }], 102, default);

        var found = await Index.SearchAsync(SearchQuery.Create(Ws, "walrus", false), default);
        Assert.Equal(["walrus"], found.Hits.Select(h => h.Id));
        Assert.Equal("Winston Walrus", string.Concat(found.Hits[0].Title.Select(s => s.Text)));
        Assert.Empty((await Index.SearchAsync(SearchQuery.Create(Ws, "wally", false), default)).Hits);
    }

    /// <summary>
    /// A catch-up's batch of new customers is added (not updated) and then rewritten, and each customer's emails and
    /// phones go in as one field of a line each: every one is still there once, and found by each of its values.
    /// </summary>
    [Fact]
    public async Task WriteAsync_ABulkBatchTwice_EveryDocumentOnceAndFoundByEachOfItsValues()
    {
        var (template, before) = await CustomerTemplateAsync();
        var batch = Enumerable.Range(0, 600).Select(i => template with
        {
            Id = $"bulk{i}", Title = $"Bulk Person{i}", Names = [],
            Emails = [$"bulk{i}@first.example", $"p{i}.second@other.example"],
            Phones = [$"+44 20 7000 {i:0000}", $"0161 555 {i:0000}"],
        }).ToList();

        await Index.GetDocumentsAsync(batch.Select(d => d.Key).ToList(), default);
        await Index.WriteAsync(batch, 200, default);
        await Index.WriteAsync(batch.Select(d => d with { Title = d.Title + "z" }).ToList(), 201, default);

        Assert.Equal(before + 600, (await Index.SearchAsync(Customers, default)).Total);
        foreach (var typed in new[] { "person599z", "p599.second@oth", "bulk599@first", "0161 555 0599", "+44 20 7000 0599", "5550599" })
        {
            var found = await Index.SearchAsync(SearchQuery.Create(Ws, typed, false), default);
            Assert.True(found.Hits.Count(h => h.Id == "bulk599") == 1, $"'{typed}' found {string.Join(", ", found.Hits.Select(h => h.Id))}");
        }
    }

    [Fact]
    public async Task Settle_AfterManySmallWrites_MergesDownToAFewSegmentsKeepingEveryDocument()
    {
        var (template, before) = await CustomerTemplateAsync();
        // Eight refreshes, eight small segments besides the fixture's: Lucene's tiered policy merges ten at a time.
        for (var round = 0; round < 8; round++)
        {
            var batch = Enumerable.Range(0, 20).Select(i => template with { Id = $"tidy{round}x{i}", Title = $"Tidy Person{round}x{i}", Names = [] }).ToList();
            await Index.GetDocumentsAsync(batch.Select(d => d.Key).ToList(), default);
            await Index.WriteAsync(batch, 300 + round, default);
            await Index.SearchAsync(Customers, default);
        }

        var lucene = (LuceneSearchIndex)Index;
        Assert.True(lucene.Segments > 4, $"{lucene.Segments} segments before the index was quiet");

        var segments = lucene.Settle();

        Assert.InRange(segments, 1, 4);
        Assert.Equal(segments, lucene.Segments);
        Assert.Equal(before + 160, (await Index.SearchAsync(Customers, default)).Total);
        Assert.Contains((await Index.SearchAsync(SearchQuery.Create(Ws, "person7x19", false), default)).Hits, h => h.Id == "tidy7x19");
        Assert.Equal(307, await Index.ReadCheckpointAsync(default));
    }

    /// <summary>
    /// A message-word start with many completions finds every conversation with any of them: the prefix is not cut to a
    /// first few completions in term order (Elasticsearch's max_expansions), which would lose the common word after
    /// sixty rarer ones.
    /// </summary>
    [Fact]
    public async Task Search_StartOfAMessageWordWithManyCompletions_FindsEveryOne()
    {
        var events = new SearchEvents();
        var rare = Enumerable.Range(0, 60).Select(i => $"wara{(char)('a' + i / 26)}{(char)('a' + i % 26)}").ToList();
        var batch = new List<StoredEvent>();
        for (var i = 0; i < 60; i++)
        {
            batch.Add(events.Opened(Ws, $"rare{i}", $"Question {i}", "Pat Doe", Channel.Email));
            batch.Add(events.Message(Ws, $"rare{i}", $"About {rare[i]} only"));
        }

        foreach (var id in new[] { "crate1", "crate2", "crate3" })
        {
            batch.Add(events.Opened(Ws, id, "Delivery", "Pat Doe", Channel.Email));
            batch.Add(events.Message(Ws, id, "The crate is still at the warehouse"));
        }

        await IndexAsync([.. batch]);

        var common = await Index.SearchAsync(SearchQuery.Create(Ws, "still war", false, SearchKind.Conversation), default);
        var all = await Index.SearchAsync(SearchQuery.Create(Ws, "war", false, SearchKind.Conversation), default);

        Assert.Equal(["crate1", "crate2", "crate3"], common.Hits.Select(h => h.Id).Order());
        Assert.Equal(63, all.Total);
    }

    /// <summary>
    /// As you type, a page filled by words matched whole or by prefix is the answer; words within a typo of them come in
    /// when the page is not full, and always when the search counts (facets).
    /// </summary>
    [Fact]
    public async Task Search_PageFilledWithoutTypos_LeavesTypoMatchesOutUnlessCounting()
    {
        await IndexAsync(new SearchEvents().Customer(Ws, "dumas", "Alexandre Dumas", "a.dumas@example.org"));

        var onePage = await Index.SearchAsync(SearchQuery.Create(Ws, "alexandra", true, SearchKind.Customer, limit: 1), default);
        var twoPage = await Index.SearchAsync(SearchQuery.Create(Ws, "alexandra", true, SearchKind.Customer, limit: 2), default);
        var counted = await Index.SearchAsync(SearchQuery.Create(Ws, "alexandra", true, SearchKind.Customer, limit: 1, withFacets: true), default);

        Assert.Equal((1, "alex"), (onePage.Total, onePage.Hits.Single().Id));
        Assert.Equal(["alex", "dumas"], twoPage.Hits.Select(h => h.Id));
        Assert.Equal((2, "alex"), (counted.Total, counted.Hits.Single().Id));
    }

    private static readonly SearchQuery Customers = SearchQuery.Create(Ws, "", true, SearchKind.Customer, limit: 1);

    /// <summary>The fixture's customer Alexandra, to make more customers from, and how many customers there are now.</summary>
    private async Task<(SearchDocument Template, long Customers)> CustomerTemplateAsync()
    {
        var alex = SearchDocument.KeyOf(Ws, SearchKind.Customer, "alex");
        return ((await Index.GetDocumentsAsync([alex], default))[alex], (await Index.SearchAsync(Customers, default)).Total);
    }

    [Fact]
    public async Task Search_IndexHeldByAnotherWriter_SaysSearchIsUnavailable()
    {
        var other = Path.Combine(folder, "held");
        using var holder = new LuceneSearchIndex(other, NullLogger<LuceneSearchIndex>.Instance);
        await holder.ReadCheckpointAsync(default);
        using var second = new LuceneSearchIndex(other, NullLogger<LuceneSearchIndex>.Instance);

        var refused = await Assert.ThrowsAsync<SearchUnavailableException>(() => second.SearchAsync(SearchQuery.Create(Ws, "x", false), default));

        Assert.Contains("unavailable", refused.Message, StringComparison.Ordinal);
    }
}
