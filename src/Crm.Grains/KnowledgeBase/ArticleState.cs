using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Grains.EventSourcing;
using Crm.Grains.KnowledgeBase.Events;

namespace Crm.Grains.KnowledgeBase;

/// <summary>One article folded from its stream: the article grain keeps one, the catalog one per article of the workspace.</summary>
[GenerateSerializer, Alias("crm.knowledge-base.article-state")]
public sealed class ArticleState : IEventSourcedState
{
    [Id(0)] public bool Exists { get; private set; }
    [Id(1)] public string Slug { get; private set; } = "";
    [Id(2)] public string Title { get; private set; } = "";
    [Id(3)] public string Category { get; private set; } = "";
    [Id(4)] public string Body { get; private set; } = "";
    [Id(5)] public DateTimeOffset UpdatedAt { get; private set; }
    [Id(6)] public string UpdatedBy { get; private set; } = "";
    [Id(7)] public bool IsPublished { get; private set; }
    [Id(8)] public int PublishedVersion { get; private set; }
    [Id(9)] public ArticlePublished? LastPublished { get; private set; }

    /// <summary>The draft differs from the last published version (or was never published).</summary>
    public bool HasUnpublishedChanges =>
        LastPublished is null || (LastPublished.Slug, LastPublished.Title, LastPublished.Category, LastPublished.Body) != (Slug, Title, Category, Body);

    public void Apply(DomainEvent @event)
    {
        switch (@event)
        {
            case ArticleDrafted e:
                (Exists, Slug, Title, Category, Body) = (true, e.Slug, e.Title, e.Category, e.Body);
                break;
            case ArticlePublished e:
                (IsPublished, PublishedVersion, LastPublished) = (true, e.Version, e);
                break;
            case ArticleUnpublished:
                IsPublished = false;
                break;
            case ArticleDeleted:
                (Exists, IsPublished) = (false, false);
                break;
        }
        (UpdatedAt, UpdatedBy) = (@event.At, @event.By);
    }

    public PublishedArticle? ToPublished(string workspaceId, string articleId) =>
        IsPublished && LastPublished is { } p
            ? new PublishedArticle(workspaceId, articleId, p.Slug, p.Title, p.Category, p.Body, p.Version, p.At)
            : null;

    public ArticleDetails ToDetails(string workspaceId, string articleId) =>
        new(workspaceId, articleId, Slug, Title, Category, Body, IsPublished ? ArticleStatus.Published : ArticleStatus.Draft,
            PublishedVersion, HasUnpublishedChanges, UpdatedAt, UpdatedBy, ToPublished(workspaceId, articleId));

    public ArticleSummary ToSummary(string articleId) =>
        new(articleId, Slug, Title, Category, IsPublished ? ArticleStatus.Published : ArticleStatus.Draft, PublishedVersion,
            HasUnpublishedChanges, UpdatedAt,
            IsPublished ? LastPublished?.Slug : null, IsPublished ? LastPublished?.Title : null, IsPublished ? LastPublished?.Category : null);
}
