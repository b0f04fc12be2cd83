using Crm.Ai.Text;

namespace Crm.Ai.Retrieval;

/// <summary>
/// One workspace's published articles, an immutable snapshot: readers take it without locks while a change builds
/// the next one. Lexical documents repeat the title so that a term of the title counts more than one of the body.
/// </summary>
public sealed class WorkspaceCorpus
{
    public static readonly WorkspaceCorpus Empty = new(new Dictionary<string, IndexedArticle>());

    public WorkspaceCorpus(IReadOnlyDictionary<string, IndexedArticle> articles)
    {
        Articles = articles;
        Passages = articles.Values.OrderBy(a => a.Article.ArticleId, StringComparer.Ordinal).SelectMany(a => a.Passages).ToArray();
        Lexical = new Bm25(Passages.Select(p =>
        {
            var title = articles[p.ArticleId].Article.Title;
            return (IReadOnlyList<string>)[.. TextTokens.Tokenize(title), .. TextTokens.Tokenize(title), .. TextTokens.Tokenize(p.Heading),
                .. p.IsTitle ? [] : TextTokens.Tokenize(p.Text)];
        }).ToList());
    }

    public IReadOnlyDictionary<string, IndexedArticle> Articles { get; }

    public IReadOnlyList<Passage> Passages { get; }

    public Bm25 Lexical { get; }
}
