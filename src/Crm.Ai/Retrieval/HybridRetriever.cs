using Crm.Ai.Embeddings;
using Crm.Grains.Abstractions.Ai;

namespace Crm.Ai.Retrieval;

/// <summary>
/// Hybrid retrieval over a workspace's published passages: the embedding's cosine (best passage, and the title on its
/// own) fused with the lexical scorer's BM25 (normalized by the query's best), by <see cref="RetrievalWeights"/>.
/// Every match carries the three signals it was ranked by.
/// </summary>
public sealed class HybridRetriever(KnowledgeIndex index, ILexicalScorer lexical, ITextEmbedder embedder)
{
    public KnowledgeIndex Index => index;

    public ITextEmbedder Embedder => embedder;

    public async Task<IReadOnlyList<ArticleMatch>> SearchAsync(
        string workspaceId, string query, int take, RetrievalWeights weights, CancellationToken cancellationToken)
    {
        var corpus = index.Corpus(workspaceId);
        if (corpus.Articles.Count == 0 || string.IsNullOrWhiteSpace(query)) return [];
        var queryVector = weights.Semantic + weights.Title > 0 ? (await embedder.EmbedAsync([query], cancellationToken))[0] : null;
        return Rank(corpus, query, queryVector, take, weights);
    }

    public IReadOnlyList<ArticleMatch> Rank(WorkspaceCorpus corpus, string query, float[]? queryVector, int take, RetrievalWeights weights)
    {
        var lexicalScores = lexical.Score(corpus.Articles.Values.First().Article.WorkspaceId, query);
        var bestLexical = lexicalScores.Count == 0 ? 1 : lexicalScores.Values.Max();
        var matches = new List<ArticleMatch>();
        foreach (var (articleId, article) in corpus.Articles)
        {
            var (semantic, title, passage) = queryVector is null ? (0, 0, article.Passages.Skip(1).FirstOrDefault()) : Semantic(article, queryVector);
            var keywords = lexicalScores.GetValueOrDefault(articleId) / bestLexical;
            var score = weights.Semantic * semantic + weights.Title * title + weights.Lexical * keywords;
            if (score < weights.MinConfidence) continue;
            matches.Add(new ArticleMatch(articleId, article.Article.Slug, article.Article.Title, article.Article.Version,
                passage is null ? "" : article.Quote(passage), Math.Round(score, 4),
                [
                    new Signal("semantic similarity", Math.Round(semantic, 3), weights.Semantic, passage?.Heading),
                    new Signal("title similarity", Math.Round(title, 3), weights.Title),
                    new Signal("keyword match (BM25)", Math.Round(keywords, 3), weights.Lexical),
                ]));
        }
        return matches.OrderByDescending(m => m.Score).ThenBy(m => m.Slug, StringComparer.Ordinal).Take(take).ToList();
    }

    /// <summary>The best body passage's cosine, the title's, and the body passage to quote.</summary>
    private static (double Semantic, double Title, Passage? Best) Semantic(IndexedArticle article, float[] query)
    {
        double title = 0, best = double.MinValue;
        Passage? bestPassage = null;
        foreach (var passage in article.Passages)
        {
            var cosine = VectorMath.Cosine(query, passage.Vector);
            if (passage.IsTitle) title = cosine;
            else if (cosine > best) (best, bestPassage) = (cosine, passage);
        }
        return (Math.Max(0, Math.Max(best, title)), Math.Max(0, title), bestPassage);
    }
}
