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
