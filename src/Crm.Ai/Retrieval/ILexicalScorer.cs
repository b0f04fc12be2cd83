namespace Crm.Ai.Retrieval;

/// <summary>
/// The lexical half of hybrid retrieval: a BM25-like score per published article of a workspace for a query (higher
/// is better; articles that share no term are absent). Today <see cref="PassageBm25Scorer"/> scores the passages kept
/// in the <see cref="KnowledgeIndex"/>; once the search index (Lucene, issue 15's "articles become search documents")
/// is merged, an adapter over its BM25 scores takes this place, and nothing else changes.
/// </summary>
public interface ILexicalScorer
{
    IReadOnlyDictionary<string, double> Score(string workspaceId, string query);
}
