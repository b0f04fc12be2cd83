using Crm.Grains.Abstractions.EventStore;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Grains.Abstractions.Keys;
using Crm.Grains.Abstractions.Search;
using Crm.Grains.EventSourcing;
using Crm.Grains.KnowledgeBase.Events;

namespace Crm.Grains.Search.Mappers;

/// <summary>
/// A knowledge-base article as staff search it: the current draft's title as you type, its body as text, its category
/// as the subtitle, and whether a version is on the help center as its status ("published" or "draft"). Unpublishing
/// keeps the draft findable; deleting drops the document.
/// </summary>
public sealed class ArticleDocumentMapper : ISearchDocumentMapper
{
    public string Category => StreamIds.ArticleCategory;

    public IReadOnlyList<string> EventTypes { get; } =
    [
        EventSerializer.TypeName<ArticleDrafted>(),
        EventSerializer.TypeName<ArticlePublished>(),
        EventSerializer.TypeName<ArticleUnpublished>(),
        EventSerializer.TypeName<ArticleDeleted>(),
    ];

    public string? KeyOf(StoredEvent stored) =>
        StreamIds.Parse(stored.StreamId) is { } s ? SearchDocument.KeyOf(s.WorkspaceId, SearchKind.Article, s.Id) : null;

    public SearchDocument? Apply(SearchDocument? current, StoredEvent stored)
    {
        if (StreamIds.Parse(stored.StreamId) is not { } stream) return current;
        var @event = EventSerializer.Deserialize(stored);
        var document = (current ?? SearchDocument.Empty(stream.WorkspaceId, SearchKind.Article, stream.Id) with { CreatedAt = @event.At })
            with { UpdatedAt = @event.At };
        return @event switch
        {
            ArticleDrafted d => Content(document, d.Title, d.Category, d.Body) with { Status = document.Status ?? SearchValues.Of(ArticleStatus.Draft) },
            // Publishing makes the draft the published version: same words, new status.
            ArticlePublished p => Content(document, p.Title, p.Category, p.Body) with { Status = SearchValues.Of(ArticleStatus.Published) },
            ArticleUnpublished => document with { Status = SearchValues.Of(ArticleStatus.Draft) },
            ArticleDeleted => document with { Removed = true },
            _ => current,
        };
    }

    private static SearchDocument Content(SearchDocument document, string title, string category, string body) =>
        document with { Title = title, Subtitle = category, Names = [title], Texts = [body], Removed = false };
}
