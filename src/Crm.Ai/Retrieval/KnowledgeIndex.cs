using System.Collections.Concurrent;
using Crm.Grains.Abstractions.KnowledgeBase;

namespace Crm.Ai.Retrieval;

/// <summary>
/// The published articles of every workspace with their passage embeddings, in memory, fed by the embeddings
/// projection. Each workspace's corpus is swapped whole on a change, so a query never sees half an update and no
/// workspace ever sees another's articles.
/// </summary>
public sealed class KnowledgeIndex
{
    private readonly ConcurrentDictionary<string, WorkspaceCorpus> _workspaces = new(StringComparer.Ordinal);
    private readonly Lock _writes = new();

    public WorkspaceCorpus Corpus(string workspaceId) => _workspaces.GetValueOrDefault(workspaceId, WorkspaceCorpus.Empty);

    public IEnumerable<IndexedArticle> All => _workspaces.Values.SelectMany(c => c.Articles.Values);

    public void Upsert(IndexedArticle article) => Change(article.Article.WorkspaceId, articles => articles[article.Article.ArticleId] = article);

    public void Remove(string workspaceId, string articleId) => Change(workspaceId, articles => articles.Remove(articleId));

    /// <summary>The published version indexed for an article, or null: how a citation is checked against what was drafted from.</summary>
    public PublishedArticle? Find(string workspaceId, string articleId) => Corpus(workspaceId).Articles.GetValueOrDefault(articleId)?.Article;

    private void Change(string workspaceId, Action<Dictionary<string, IndexedArticle>> change)
    {
        lock (_writes)
        {
            var articles = new Dictionary<string, IndexedArticle>(Corpus(workspaceId).Articles, StringComparer.Ordinal);
            change(articles);
            _workspaces[workspaceId] = new WorkspaceCorpus(articles);
        }
    }
}
