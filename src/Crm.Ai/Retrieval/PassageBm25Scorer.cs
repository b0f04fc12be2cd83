namespace Crm.Ai.Retrieval;

/// <summary>BM25 over the passages of the knowledge index; an article scores as its best passage.</summary>
public sealed class PassageBm25Scorer(KnowledgeIndex index) : ILexicalScorer
{
    public IReadOnlyDictionary<string, double> Score(string workspaceId, string query)
    {
        var corpus = index.Corpus(workspaceId);
        var scores = corpus.Lexical.Score(query);
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] <= 0) continue;
            var articleId = corpus.Passages[i].ArticleId;
            if (scores[i] > best.GetValueOrDefault(articleId)) best[articleId] = scores[i];
        }
        return best;
    }
}
