using Crm.Ai.Embeddings;
using Crm.Ai.Projections;
using Crm.Ai.Retrieval;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.EventSourcing;
using Crm.Grains.KnowledgeBase.Events;

namespace Crm.Ai.Tests.Projections;

/// <summary>The embeddings projection: given article events, then the index; its file resumes it, unless the model changed.</summary>
[Collection(EngineCollection.Name)]
public sealed class ArticleEmbeddingsProjectionTests(EngineFixture engine) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"crm-ai-{Guid.NewGuid():N}");

    [Fact]
    public async Task PublishedThenUnpublished_InAndOutOfTheIndex_AndAFreshStartResumesFromTheFile()
    {
        var index = new KnowledgeIndex();
        var projection = new ArticleEmbeddingsProjection(index, new ArticleEmbedder(engine.Embedder), _folder);
        Assert.Equal(0, await projection.ReadOwnCheckpointAsync(CancellationToken.None));

        await projection.HandleAsync([Stored(1, "a1", new ArticlePublished(1, "tips", "Tips", "General", "Charge the speaker overnight."))], 5, CancellationToken.None);
        await projection.HandleAsync([Stored(6, "a2", new ArticlePublished(1, "gone", "Gone", "General", "Soon unpublished."))], 6, CancellationToken.None);
        await projection.HandleAsync([Stored(7, "a2", new ArticleUnpublished())], 9, CancellationToken.None);

        Assert.Equal(["a1"], index.Corpus("ws").Articles.Keys);
        var restarted = new KnowledgeIndex();
        var again = new ArticleEmbeddingsProjection(restarted, new ArticleEmbedder(engine.Embedder), _folder);
        Assert.Equal(9, await again.ReadOwnCheckpointAsync(CancellationToken.None));
        Assert.Equal(["a1"], restarted.Corpus("ws").Articles.Keys);
        Assert.Equal(384, restarted.Corpus("ws").Passages[0].Vector.Length);
    }

    [Fact]
    public async Task AnotherModel_IgnoresTheFileAndStartsOver()
    {
        var projection = new ArticleEmbeddingsProjection(new KnowledgeIndex(), new ArticleEmbedder(engine.Embedder), _folder);
        await projection.HandleAsync([Stored(1, "a1", new ArticlePublished(1, "tips", "Tips", "General", "Charge it."))], 1, CancellationToken.None);

        var other = new ArticleEmbeddingsProjection(new KnowledgeIndex(), new ArticleEmbedder(new RenamedModel(engine.Embedder)), _folder);

        Assert.Equal(0, await other.ReadOwnCheckpointAsync(CancellationToken.None));
    }

    private static StoredEvent Stored(long position, string articleId, DomainEvent @event)
    {
        var data = EventSerializer.ToEventData(@event with { At = DateTimeOffset.UnixEpoch, By = "user:test" });
        return new StoredEvent(StreamIds.For(StreamIds.ArticleCategory, "ws", articleId), position, position, data.EventId, data.Type, data.Data, data.Actor, data.Timestamp);
    }

    /// <summary>The same vectors under another model's name: what a model upgrade looks like to the projection.</summary>
    private sealed class RenamedModel(ITextEmbedder inner) : ITextEmbedder
    {
        public string ModelName => "another-model-v2";

        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) => inner.EmbedAsync(texts, cancellationToken);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
