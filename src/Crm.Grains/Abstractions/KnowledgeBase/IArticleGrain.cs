namespace Crm.Grains.Abstractions.KnowledgeBase;

/// <summary>One knowledge-base article: a draft that editors change and, once published, the version readers see. Key: "{workspaceId}/{articleId}".</summary>
public interface IArticleGrain : IGrainWithStringKey
{
    /// <summary>Creates the article or replaces its draft; refused with a clear message when a field is invalid or the slug is taken.</summary>
    Task<ArticleDetails> SaveDraftAsync(SaveArticleDraft command);

    /// <summary>Publishes the current draft as the next version; a no-op when that draft is already what is published.</summary>
    Task<ArticleDetails> PublishAsync(string actor);

    /// <summary>Takes the article off the help center (the draft stays); a no-op when it is not published.</summary>
    Task<ArticleDetails> UnpublishAsync(string actor);

    /// <summary>Deletes the article, draft and published version alike; a no-op when there is none.</summary>
    Task DeleteAsync(string actor);

    /// <summary>The article; NotFound when it was never created or was deleted.</summary>
    Task<ArticleDetails> GetDetailsAsync();

    /// <summary>What the help center shows; NotFound when the article is not published.</summary>
    Task<PublishedArticle> GetPublishedAsync();
}
