using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Grains.EventSourcing;

namespace Crm.Grains.KnowledgeBase;

/// <summary>
/// The workspace's article catalog: a fold of every article stream of the workspace, read from the store by filter. It
/// owns no stream, so it can never disagree with the articles: at worst it is behind until the next catch-up (every
/// activation and every article commit asks for one).
/// </summary>
public sealed class KnowledgeBaseGrain(IEventStore store) : Grain, IKnowledgeBaseGrain
{
    private const int PageSize = 500;
    private readonly Dictionary<string, ArticleState> _articles = new(StringComparer.Ordinal);
    private long _checkpoint;

    private EventFilter Filter => EventFilter.ForCategories(this.GetPrimaryKeyString(), StreamIds.ArticleCategory);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await FoldAsync(long.MaxValue, cancellationToken);
        await base.OnActivateAsync(cancellationToken);
    }

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

    public Task CatchUpAsync(long position) => position <= _checkpoint ? Task.CompletedTask : FoldAsync(position, CancellationToken.None);

    private async Task FoldAsync(long upTo, CancellationToken cancellationToken)
    {
        while (_checkpoint < upTo)
        {
            var page = await store.ReadAsync(Filter, _checkpoint, PageSize, cancellationToken);
            foreach (var stored in page.Events)
            {
                if (StreamIds.Parse(stored.StreamId) is not { } stream || !EventSerializer.IsKnown(stored.Type)) continue;
                if (!_articles.TryGetValue(stream.Id, out var article)) _articles[stream.Id] = article = new ArticleState();
                article.Apply(EventSerializer.Deserialize(stored));
            }
            _checkpoint = Math.Max(_checkpoint, page.ReadUpTo);
            if (page.ReachedHead || page.ReadUpTo <= 0) break;
        }
    }
}
