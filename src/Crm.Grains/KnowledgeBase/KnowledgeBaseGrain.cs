using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Grains.EventSourcing;
using Crm.Grains.Projections;

namespace Crm.Grains.KnowledgeBase;

/// <summary>
/// The workspace's article catalog ("knowledge-base/{workspace}"): a fold of every article stream of the workspace, a
/// projection on the runner (snapshot plus tail on activation). It owns no stream, so it can never disagree with the
/// articles: at worst it is behind until the next catch-up (every activation and every article commit asks for one).
/// </summary>
public sealed class KnowledgeBaseGrain : ProjectionGrain<KnowledgeBaseSnapshot>, IKnowledgeBaseGrain
{
    private Dictionary<string, ArticleState> _articles = new(StringComparer.Ordinal);

    protected override string Kind => ProjectionKinds.KnowledgeBase;

    protected override int SnapshotSchema => 1;

    protected override EventFilter Filter => EventFilter.ForCategories(WorkspaceId, StreamIds.ArticleCategory);

    protected override bool WokenByCommits => false;

    public Task<IReadOnlyList<ArticleSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ArticleSummary>>(_articles.Where(a => a.Value.Exists)
            .Select(a => a.Value.ToSummary(a.Key))
            .OrderBy(a => a.Category, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Title, StringComparer.OrdinalIgnoreCase)
            .ToList());

    public Task<ArticleSummary?> FindPublishedAsync(string slug) =>
        Task.FromResult(_articles.Where(a => a.Value is { Exists: true, IsPublished: true } && a.Value.LastPublished?.Slug == slug)
            .Select(a => a.Value.ToSummary(a.Key)).FirstOrDefault());

    public Task<string?> FindSlugOwnerAsync(string slug, string exceptArticleId) =>
        Task.FromResult(_articles.Where(a => a.Key != exceptArticleId && a.Value.Exists
                && (a.Value.Slug == slug || (a.Value.IsPublished && a.Value.LastPublished?.Slug == slug)))
            .Select(a => a.Key).FirstOrDefault());

    public Task CatchUpAsync(long position) => position <= Checkpoint ? Task.CompletedTask : CatchUpAsync();

    protected override KnowledgeBaseSnapshot TakeSnapshot() => new(_articles);

    protected override void Restore(KnowledgeBaseSnapshot snapshot) => _articles = snapshot.Articles;

    protected override Task ApplyAsync(StoredEvent stored)
    {
        EntityFold.Apply(_articles, stored);
        return Task.CompletedTask;
    }
}
