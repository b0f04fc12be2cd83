using System.Text.Json;
using Crm.Ai.Embeddings;
using Crm.Ai.Retrieval;
using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Grains.Abstractions.Projections;
using Crm.Grains.EventSourcing;
using Crm.Grains.KnowledgeBase.Events;

namespace Crm.Ai.Projections;

/// <summary>
/// Embeds every published article version into the <see cref="KnowledgeIndex"/>, and takes unpublished and deleted
/// ones out. Its writes (the embeddings, with the model's name) and its checkpoint go to one file, replaced atomically
/// after each batch, so a restart resumes exactly where it stopped; a file written by another model is ignored and
/// everything is embedded again from the start of the log.
/// </summary>
public sealed class ArticleEmbeddingsProjection(KnowledgeIndex index, ArticleEmbedder embedder, string folder) : IProjection
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "embeddings";

    public EventFilter Filter { get; } = new(
        [StreamIds.ArticleCategory],
        [EventSerializer.TypeName<ArticlePublished>(), EventSerializer.TypeName<ArticleUnpublished>(), EventSerializer.TypeName<ArticleDeleted>()]);

    /// <summary>
    /// How long a checkpoint that only moved past other kinds' events may wait to be written. Each write is the whole
    /// file (every vector as text) and an fsync; done on every page, it cost an import a few milliseconds per page for
    /// nothing. After a restart the projection reads on from the older checkpoint, which the store's category index makes cheap.
    /// </summary>
    private static readonly TimeSpan IdleSaveEvery = TimeSpan.FromMinutes(1);

    private long _savedAt = Environment.TickCount64;

    private string FilePath => Path.Combine(folder, "embeddings.json");

    public async Task<long?> ReadOwnCheckpointAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath)) return 0;
        await using var file = File.OpenRead(FilePath);
        var stored = await JsonSerializer.DeserializeAsync<StoredEmbeddings>(file, Json, cancellationToken);
        if (stored is null || stored.Model != embedder.ModelName) return 0;
        foreach (var article in stored.Articles) index.Upsert(article);
        return stored.Checkpoint;
    }

    public async Task HandleAsync(IReadOnlyList<StoredEvent> batch, long readUpTo, CancellationToken cancellationToken)
    {
        if (batch.Count == 0 && Environment.TickCount64 - _savedAt < IdleSaveEvery.TotalMilliseconds) return;
        foreach (var stored in batch)
        {
            if (StreamIds.Parse(stored.StreamId) is not { } stream) continue;
            switch (EventSerializer.Deserialize(stored))
            {
                case ArticlePublished e:
                    var article = new PublishedArticle(stream.WorkspaceId, stream.Id, e.Slug, e.Title, e.Category, e.Body, e.Version, e.At);
                    index.Upsert(await embedder.EmbedAsync(article, cancellationToken));
                    break;
                case ArticleUnpublished or ArticleDeleted:
                    index.Remove(stream.WorkspaceId, stream.Id);
                    break;
            }
        }
        await SaveAsync(readUpTo, cancellationToken);
    }

    private async Task SaveAsync(long checkpoint, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var temp = FilePath + ".tmp";
        await using (var file = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(file, new StoredEmbeddings(embedder.ModelName, checkpoint, index.All.ToList()), Json, cancellationToken);
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, FilePath, overwrite: true);
        _savedAt = Environment.TickCount64;
    }

    private sealed record StoredEmbeddings(string Model, long Checkpoint, IReadOnlyList<IndexedArticle> Articles);
}
