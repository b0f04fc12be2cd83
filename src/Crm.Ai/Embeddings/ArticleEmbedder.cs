using Crm.Ai.Retrieval;
using Crm.Grains.Abstractions.KnowledgeBase;

namespace Crm.Ai.Embeddings;

/// <summary>Splits a published article into passages and embeds each with its title and heading, so a passage carries its context.</summary>
public sealed class ArticleEmbedder(ITextEmbedder embedder)
{
    public string ModelName => embedder.ModelName;

    public async Task<IndexedArticle> EmbedAsync(PublishedArticle article, CancellationToken cancellationToken)
    {
        var pieces = PassageSplitter.Split(article.Title, article.Body);
        var vectors = await embedder.EmbedAsync(
            pieces.Select((p, i) => i == 0 ? p.Text : $"{article.Title}. {p.Heading}: {p.Text}").ToList(), cancellationToken);
        return new IndexedArticle(article, pieces.Select((p, i) => new Passage(article.ArticleId, i, p.Heading, p.Text, vectors[i])).ToList());
    }
}
